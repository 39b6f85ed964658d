using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;
using SendWorkflow.Host.Tests.Timers;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// Two real host processes on one PostgreSQL database, sharing the simulated clock through it. Events for the same pupils
/// arrive through both at once; one host advances the clock over months, so a backlog of timers falls due, and is
/// SIGKILLed in the middle of it; it is started again and the other host finishes the advance. Afterwards every
/// acknowledged event is in the journal once, every timer due has fired exactly once (one firing in the journal, none
/// left pending), and no task was handed out twice.
/// </summary>
public sealed class TwoHostsTests
{
    private const int Pupils = 30;
    private const int Workers = 6;
    private const string Target = "2027-03-01";

    [Fact]
    public async Task TwoHostsOnOnePostgres_OneKilledInABacklogOfTimers_EverythingOnceAndNothingLost()
    {
        var database = await PostgresServer.NewDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres", ["ConnectionStrings__SendWorkflow"] = database,
            ["Clock__Mode"] = "Simulated", ["Clock__Start"] = "2026-10-12",
        };
        var acknowledged = new ConcurrentBag<string>();
        var children = new List<ChildService>();
        var log = new List<string>();
        var clock = Stopwatch.StartNew();
        try
        {
            var a = Start("host-a", settings, children);
            var b = Start("host-b", settings, children);
            await Task.WhenAll(a.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), b.WaitUntilReadyAsync(TimeSpan.FromSeconds(120)));
            using var atA = a.CreateClient();
            using var atB = b.CreateClient();
            var instances = await ChildApi.StartPupilsAsync(atA, Pupils);
            var pendingBefore = await ScalarAsync(database, "SELECT count(*) FROM \"Timers\" WHERE \"Status\" = 'Pending'");
            log.Add($"{clock.Elapsed.TotalSeconds,7:0.000}s {Pupils} pupils started, {pendingBefore} timers pending");

            using var stop = new CancellationTokenSource();
            var hosts = new[] { atA, atB };
            var workers = Enumerable.Range(0, Workers)
                .Select(w => Task.Run(() => PostEventsAsync(w % 2 == 0 ? hosts : [atB, atA], instances, w, acknowledged, stop.Token)))
                .ToList();
            while (acknowledged.Count < 60) await Task.Delay(20);

            // Host A walks the clock on months; it is killed once the backlog is part-way fired.
            var advance = atA.PostAsJsonAsync("/api/clock/advance", new { to = Target });
            var firedAtKill = 0L;
            while (!advance.IsCompleted && clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                firedAtKill = await ScalarAsync(database, "SELECT count(*) FROM \"Timers\" WHERE \"Status\" = 'Fired'");
                if (firedAtKill >= 20) break;
                await Task.Delay(25);
            }
            Assert.False(advance.IsCompleted, "the advance ended before the kill: the backlog was too small to kill in its middle");
            await a.KillAsync();
            Assert.Equal(137, a.ExitCode);
            log.Add($"{clock.Elapsed.TotalSeconds,7:0.000}s host A killed with {firedAtKill} timers fired, {acknowledged.Count} events acknowledged");
            await Assert.ThrowsAnyAsync<Exception>(() => advance);

            // Host A again, on the same database; events keep arriving through both while the other host finishes.
            var again = Start("host-a-again", settings, children);
            await again.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            using var atAgain = again.CreateClient();
            hosts[0] = atAgain;
            var finished = await atB.PostAsJsonAsync("/api/clock/advance", new { to = Target });
            Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            log.Add($"{clock.Elapsed.TotalSeconds,7:0.000}s advance finished by host B; {acknowledged.Count} events acknowledged in all");

            // Both hosts answer at the clock's new time.
            foreach (var host in new[] { atAgain, atB })
            {
                var now = (await host.GetFromJsonAsync<JsonObject>("/api/clock"))!;
                Assert.Equal(Target, (string?)now["today"]);
            }
        }
        finally
        {
            foreach (var child in children) await child.DisposeAsync();
            foreach (var line in log) TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        await AssertEverythingOnceAsync(database, acknowledged);
    }

    private static async Task AssertEverythingOnceAsync(string database, ConcurrentBag<string> acknowledged)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        var markers = new Dictionary<string, int>();
        var firings = new Dictionary<string, int>();
        await using (var journal = new NpgsqlCommand("SELECT \"Kind\", \"Data\" FROM \"Journal\" WHERE \"Kind\" IN ('event', 'timer-fired')", db))
        await using (var reader = await journal.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var data = reader.IsDBNull(1) ? null : JsonNode.Parse(reader.GetString(1));
                if (reader.GetString(0) == "event" && data?["notes"]?.GetValue<string>() is { } notes) Count(markers, notes);
                if (reader.GetString(0) == "timer-fired" && data?["timerId"]?.ToString() is { } timer) Count(firings, timer);
            }
        }
        Assert.True(acknowledged.Count > 100, $"only {acknowledged.Count} events acknowledged");
        Assert.All(acknowledged, m =>
            Assert.True(markers.GetValueOrDefault(m) == 1, $"event {m} is in the journal {markers.GetValueOrDefault(m)} times"));
        Assert.All(firings, f => Assert.True(f.Value == 1, $"timer {f.Key} fired {f.Value} times"));

        var fired = await ScalarAsync(database, "SELECT count(*) FROM \"Timers\" WHERE \"Status\" = 'Fired'");
        Assert.True(fired > 40, $"only {fired} timers fired");
        Assert.Equal(fired, firings.Count);
        var overdue = await ScalarAsync(database,
            "SELECT count(*) FROM \"Timers\" WHERE \"Status\" = 'Pending' AND \"DueAt\" <= (SELECT \"Now\" FROM \"ClockState\")");
        Assert.Equal(0, overdue);
        var duplicates = await ScalarAsync(database,
            "SELECT count(*) FROM (SELECT 1 FROM \"Tasks\" WHERE \"Status\" = 'Open' "
            + "GROUP BY \"InstanceId\", \"DefinitionTaskId\", \"DueOn\" HAVING count(*) > 1) d");
        Assert.Equal(0, duplicates);
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static ChildService Start(string name, Dictionary<string, string> settings, List<ChildService> children)
    {
        var child = ChildService.Start(name, "unused.db", settings: settings);
        children.Add(child);
        return child;
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reviews for the same pupils through both hosts in turn, until told to stop; a host being killed loses only unanswered ones.</summary>
    private static async Task PostEventsAsync(HttpClient[] hosts, List<string> instances, int worker, ConcurrentBag<string> acknowledged,
        CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var marker = $"two-{worker}-{i}-{Guid.NewGuid():N}";
            try
            {
                using var posted = await ChildApi.PostReviewAsync(hosts[i % 2], instances[(worker * 7 + i) % instances.Count], marker);
                if (posted.StatusCode == HttpStatusCode.OK) acknowledged.Add(marker);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or SocketException)
            {
                await Task.Delay(10, CancellationToken.None);
            }
        }
    }
}
