using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Clock;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// `bench timers`: how long the service takes to start with 100,000 pending timers, and how many timers per
/// second the dispatcher fires (each firing marks the timer, journals it and creates the review task it carries).
/// </summary>
public static class TimerBenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = BenchArgs.Int(args, "--count", 100_000);
        var perInstance = 10;
        var instances = Math.Max(1, count / perInstance);
        var folder = BenchHost.NewFolder("bench");
        var dbFile = Path.Combine(folder, "timers.db");
        Console.WriteLine($"SendWorkflow timer benchmark: {count} pending timers on {instances} instances, "
            + $"SQLite file (WAL), {Environment.ProcessorCount} cores");

        List<Guid> ids;
        await using (var app = BenchHost.Build(dbFile, simulated: true))
        {
            await BenchHost.StartAsync(app);
            await BenchHost.SeedPupilsAsync(app, instances);
            var engine = app.Services.GetRequiredService<WorkflowEngine>();
            ids = [];
            foreach (var chunk in Enumerable.Range(0, instances).Chunk(256))
            {
                ids.AddRange(await Task.WhenAll(chunk.Select(async i =>
                    (await engine.StartAsync("send-pathway", $"bench-{i}", "bench", CancellationToken.None)).Id)));
            }
            await BenchHost.StopAsync(app);
        }
        // Take each instance's own timer out of the way and add the backlog: all due within one school week.
        var due = new DateTime(2027, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        await InsertTimersAsync(dbFile, ids, perInstance, due);

        var startup = Stopwatch.StartNew();
        await using (var app = BenchHost.Build(dbFile, simulated: false))
        {
            await BenchHost.StartAsync(app);
            startup.Stop();
            Console.WriteLine($"start-up with {count} pending timers (system clock, Quartz store, nothing due): "
                + $"{startup.Elapsed.TotalSeconds:0.00} s");
            await BenchHost.StopAsync(app);
        }

        await using (var app = BenchHost.Build(dbFile, simulated: true, start: "2027-10-29"))
        {
            var recovery = Stopwatch.StartNew();
            await BenchHost.StartAsync(app);
            Console.WriteLine($"start-up, simulated clock before they fall due:                {recovery.Elapsed.TotalSeconds:0.00} s");
            var clock = (SimulatedTimeProvider)app.Services.GetRequiredService<TimeProvider>();
            clock.AdvanceTo(UkTime.StartOf(new DateOnly(2027, 11, 8)));
            var dispatcher = app.Services.GetRequiredService<TimerDispatcher>();
            var fire = Stopwatch.StartNew();
            var result = await dispatcher.FireDueAsync(clock.GetUtcNow(), TimerDispatchOptions.CatchUp with { Parallelism = 32 },
                CancellationToken.None);
            fire.Stop();
            Console.WriteLine($"timers fired:        {result.Fired} in {fire.Elapsed.TotalSeconds:0.00} s "
                + $"({result.Fired / fire.Elapsed.TotalSeconds:0} per second; each creates a review task), "
                + $"{result.Cancelled} cancelled, {result.Failed} failed");
            Console.WriteLine($"peak memory:         {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB (working set)");
            await BenchHost.StopAsync(app);
        }
        BenchHost.DeleteFolder(folder);
        return 0;
    }

    private static async Task InsertTimersAsync(string dbFile, List<Guid> instances, int perInstance, DateTime due)
    {
        await using var db = new SqliteConnection($"Data Source={dbFile}");
        await db.OpenAsync();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
        var cancel = db.CreateCommand();
        cancel.Transaction = tx;
        cancel.CommandText = "UPDATE Timers SET Status = 'Cancelled' WHERE Status = 'Pending'";
        await cancel.ExecuteNonQueryAsync();
        var insert = db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO Timers (Id, InstanceId, State, TimerId, DueAt, Raises, Status, CreatedAt) "
            + "VALUES ($id, $instance, 'cause-of-concern', 'timeframe-review', $due, 'review.due', 'Pending', $due)";
        var id = insert.Parameters.Add("$id", SqliteType.Blob);
        var instance = insert.Parameters.Add("$instance", SqliteType.Blob);
        var dueAt = insert.Parameters.Add("$due", SqliteType.Text);
        var n = 0;
        foreach (var i in instances)
        {
            for (var k = 0; k < perInstance; k++, n++)
            {
                id.Value = GuidBytes.Of(Guid.CreateVersion7());
                instance.Value = GuidBytes.Of(i);
                dueAt.Value = due.AddMinutes(n % 5 * 24 * 60 + k)
                    .ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }
}
