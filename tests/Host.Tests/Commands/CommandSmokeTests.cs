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
                var printed = await PrintedAsync(() => SimulateCommand.RunAsync(["--pupils", "60", "--seed", "11", "--keep"]));
                // A school day's bulk completions are done before the next 07:00 round, the first after a weekend or a holiday
                // too: no round finds them overdue, only for their escalations to find them done (4,107 such units in the
                // year of 10,000 pupils, before 4 December 2026).
                var foundDone = Assert.Single(printed.Split('\n'), l => l.Contains(SimulateCommand.FoundDoneLabel, StringComparison.Ordinal));
                Assert.StartsWith($"  {SimulateCommand.FoundDoneLabel,-26} 0 ", foundDone, StringComparison.Ordinal);
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

    // What a command printed, and its exit code 0. Other tests' lines may land in it while it runs (the console is the
    // process's); the callers look for lines of their own.
    private static async Task<string> PrintedAsync(Func<Task<int>> command)
    {
        var original = Console.Out;
        using var printed = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(TextWriter.Synchronized(printed));
        try
        {
            Assert.Equal(0, await command());
        }
        finally
        {
            Console.SetOut(original);
        }
        return printed.ToString();
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
    public async Task Simulate_ARecordedYear_ReplaysToTheSameRows()
    {
        // The replay is the floor quoted for the year's writes: it must run every statement the writer ran, with the same
        // values, or it would measure less than the year wrote. Its database must end as the year's did, row for row.
        var recording = Path.Combine(Path.GetTempPath(), $"sendworkflow-recording-{Guid.NewGuid():N}");
        var simulateRoot = BenchHost.RunsFolder("simulate");
        var replayRoot = BenchHost.RunsFolder("replay");
        Directory.CreateDirectory(simulateRoot);
        Directory.CreateDirectory(replayRoot);
        var before = Directory.GetDirectories(simulateRoot).Concat(Directory.GetDirectories(replayRoot)).ToHashSet();
        try
        {
            Assert.Equal(0, await SimulateCommand.RunAsync(["--pupils", "60", "--seed", "11", "--keep", "--record", recording]));
            Assert.Equal(0, await SimulateCommand.RunAsync(["replay", recording, "--keep"]));
            var year = Assert.Single(Directory.GetDirectories(simulateRoot), d => !before.Contains(d));
            var replay = Assert.Single(Directory.GetDirectories(replayRoot), d => !before.Contains(d));
            var written = await RowsOfAsync(Path.Combine(year, "simulate.db"));
            Assert.Contains("Tasks|", written, StringComparison.Ordinal);
            Assert.Equal(written, await RowsOfAsync(Path.Combine(replay, "replay.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var folder in Directory.GetDirectories(simulateRoot).Concat(Directory.GetDirectories(replayRoot)))
            {
                if (!before.Contains(folder)) Directory.Delete(folder, recursive: true);
            }
            if (Directory.Exists(recording)) Directory.Delete(recording, recursive: true);
        }
    }

    [Fact]
    public async Task SimulateReplay_OfAFolderWithNoRecording_AndARecordOverOne_AreClearErrors()
    {
        var empty = Directory.CreateTempSubdirectory("sendworkflow-no-recording-");
        try
        {
            Assert.Equal(2, await SimulateCommand.RunAsync(["replay", empty.FullName]));
            // A folder with a recording in it is not recorded over.
            await File.WriteAllTextAsync(Path.Combine(empty.FullName, "start.db"), "an earlier year");
            await File.WriteAllTextAsync(Path.Combine(empty.FullName, "statements.bin"), "an earlier year");
            Assert.Equal(2, await SimulateCommand.RunAsync(["--pupils", "10", "--record", empty.FullName]));
            Assert.Equal("an earlier year", await File.ReadAllTextAsync(Path.Combine(empty.FullName, "start.db")));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    // Every row of the tables the writer writes, every column, in the order of their ids.
    private static async Task<string> RowsOfAsync(string file)
    {
        await using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        var lines = new List<string>();
        foreach (var table in new[] { "Instances", "Tasks", "Timers", "Journal", "Milestones" })
        {
            await using var command = db.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
                {
                    DBNull => "null",
                    byte[] bytes => Convert.ToHexString(bytes),
                    var value => Convert.ToString(value, CultureInfo.InvariantCulture),
                });
                lines.Add($"{table}|{string.Join("|", values)}");
            }
        }
        return string.Join("\n", lines);
    }

    [Fact]
    public async Task Simulate_AYearTheCalendarDoesNotCover_IsAClearError() =>
        Assert.Equal(2, await SimulateCommand.RunAsync(["--pupils", "10", "--year", "2031-32"]));
}
