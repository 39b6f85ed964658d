using System.Globalization;
using Microsoft.Data.Sqlite;
using SendWorkflow.Host.Commands;

namespace SendWorkflow.Host.Tests.Commands;

/// <summary>The command-line verbs run end to end on small numbers, so they cannot rot between benchmark runs.</summary>
public sealed class CommandSmokeTests
{
    [Fact]
    public async Task Bench_RunsThePathwayOnAFreshFile_WithTheWritersProfile() =>
        Assert.Equal(0, await BenchCommand.RunAsync(["--pupils", "40", "--concurrency", "4", "--warmup", "10", "--profile"]));

    [Fact]
    public async Task BenchTimers_StartsWithPendingTimersAndFiresThem() =>
        Assert.Equal(0, await BenchCommand.RunAsync(["timers", "--count", "400"]));

    [Fact]
    public async Task BenchInbox_PagesTheQueuesOfASchool() =>
        Assert.Equal(0, await BenchCommand.RunAsync(["inbox", "--tasks", "120", "--rounds", "3"]));

    [Fact]
    public async Task Simulate_RunsASmallCohortThroughTheYear_WithTheWritersProfile() =>
        Assert.Equal(0, await SimulateCommand.RunAsync(["--pupils", "30", "--seed", "7", "--profile"]));

    [Fact]
    public async Task Simulate_Kept_LeavesTheYearsDatabase_AndASeedGivesTheSameYear()
    {
        // The day's reads run beside the 07:00 round, the pupils' work side by side, and the day's bulk completions beside
        // the next night's timers: the year must still follow from its seed alone, whatever the threads did, or two runs
        // could not be compared.
        var root = BenchHost.RunsFolder("simulate");
        Directory.CreateDirectory(root);
        var before = Directory.GetDirectories(root).ToHashSet();
        var years = new List<string>();
        try
        {
            for (var run = 0; run < 2; run++)
            {
                Assert.Equal(0, await SimulateCommand.RunAsync(["--pupils", "60", "--seed", "11", "--keep"]));
                var kept = Directory.GetDirectories(root).Where(d => !before.Contains(d) && !years.Contains(d)).ToList();
                var folder = Assert.Single(kept);
                years.Add(folder);
                Assert.True(File.Exists(Path.Combine(folder, "simulate.db")));
            }
            var first = await YearOfAsync(years[0]);
            Assert.Contains("review|Completed", first, StringComparison.Ordinal);
            Assert.Equal(first, await YearOfAsync(years[1]));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var folder in years) Directory.Delete(folder, recursive: true);
        }
    }

    // Every pupil's instances and their states, the tasks by kind, status and due day, and the journal's rows by kind.
    private static async Task<string> YearOfAsync(string folder)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "simulate.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        var lines = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT SubjectId, DefinitionId, State, Status FROM Instances ORDER BY 1, 2, 3, 4",
            "SELECT Kind, Status, DueOn, count(*) FROM Tasks GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            "SELECT Kind, count(*) FROM Journal GROUP BY 1 ORDER BY 1",
        })
        {
            await using var command = db.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                lines.Add(string.Join("|", values));
            }
        }
        return string.Join("\n", lines);
    }

    [Fact]
    public async Task Simulate_AYearTheCalendarDoesNotCover_IsAClearError() =>
        Assert.Equal(2, await SimulateCommand.RunAsync(["--pupils", "10", "--year", "2031-32"]));
}
