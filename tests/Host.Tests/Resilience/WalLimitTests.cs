using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Host.Commands;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Rules;
using SendWorkflow.Send.Clock;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// The WAL stays near its limit while events are written and read without a pause: under steady reads the log used to
/// grow with every commit (gigabytes over a simulated year), since it can only start again from the top when no reader
/// is in it. With a limit of 4 MiB, pupils moving through the pathway write many times that; the file must stay near it
/// (under five times it).
/// </summary>
public sealed class WalLimitTests
{
    private const int Pupils = 40;
    private const int LimitMiB = 4;

    [Fact]
    public async Task UnderSteadyReadsAndWrites_TheWalIsRewound_AndStaysNearItsLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = WithLimit();
        var (engine, writer, ids) = await StartPupilsAsync(f, ct);
        var factory = f.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        var wal = f.DatabaseFile + "-wal";

        // Readers that never all stop at once, as the inbox and the Studio's pages read during a busy day.
        using var stop = new CancellationTokenSource();
        var peak = 0L;
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                await db.Tasks.AsNoTracking().Where(t => t.SubjectId == $"bench-{r}").ToListAsync(ct);
                if (File.Exists(wal)) peak = Math.Max(peak, new FileInfo(wal).Length);
            }
        }, ct)).ToList();

        var clock = (SimulatedTimeProvider)f.Services.GetRequiredService<TimeProvider>();
        clock.AdvanceTo(clock.GetUtcNow().AddDays(49));
        var events = 0;
        for (var round = 0; round < 12 && (writer.Checkpoints.Rewinds < 3 || round < 4); round++)
        {
            events += await MoveAllAsync(engine, ids, round, ct);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{events} events, {writer.Checkpoints.Rewinds} rewinds, WAL at most {peak / 1024 / 1024.0:0.0} MiB");
        Assert.True(writer.Checkpoints.Rewinds >= 3, $"the log was rewound {writer.Checkpoints.Rewinds} times in {events} events");
        // The log grows on while it is copied back and while the reads of the moment finish, the more the faster the writer:
        // runs here reach two to three and a half times the limit. With no rewinds it holds every page the run writes (88 MiB).
        Assert.True(peak < 5L * LimitMiB * 1024 * 1024, $"the WAL reached {peak / 1024 / 1024.0:0.0} MiB with a limit of {LimitMiB} MiB");
    }

    /// <summary>
    /// A read that outlasts the log's growth to twice its limit (a large report, say) holds the writer until it ends: the
    /// writer rewinds the log itself past twice the limit and holds up the events meanwhile, so the WAL does not grow on
    /// behind the read. Once the read ends, the log is rewound and the events held go through.
    /// </summary>
    [Fact]
    public async Task ALongReadPastTwiceTheLimit_HoldsUpTheWriterUntilItEnds_AndTheWalStaysWithinIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = WithLimit();
        var (engine, writer, ids) = await StartPupilsAsync(f, ct);
        var clock = (SimulatedTimeProvider)f.Services.GetRequiredService<TimeProvider>();
        clock.AdvanceTo(clock.GetUtcNow().AddDays(49));
        await MoveAllAsync(engine, ids, 0, ct);

        // The events go on until the read has ended and two more rounds have gone through.
        var done = 0;
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            for (var round = 1; !stop.IsCancellationRequested; round++) await MoveAllAsync(engine, ids, round, ct, n => Interlocked.Add(ref done, n));
        }, ct);
        var wal = f.DatabaseFile + "-wal";
        long Length() => File.Exists(wal) ? new FileInfo(wal).Length : 0;
        int held, rewinds, released;
        long peak;
        // The events stop however the test ends: a failed assertion must not leave them writing until the service is disposed.
        try
        {
            // A read that begins when every page of the log has been copied back reads the database file alone and keeps no
            // part of the log: it is begun again until one keeps the log (no rewind finishes, and the log passes twice its limit).
            var unpooled = new SqliteConnectionStringBuilder { DataSource = f.DatabaseFile, Pooling = false };
            await using var reader = new SqliteConnection(unpooled.ToString());
            await reader.OpenAsync(ct);
            var holding = false;
            for (var attempt = 0; attempt < 10 && !holding; attempt++)
            {
                await using (var begin = reader.CreateCommand())
                {
                    begin.CommandText = "BEGIN; SELECT count(*) FROM Tasks;";
                    await begin.ExecuteScalarAsync(ct);
                }
                var rewound = writer.Checkpoints.Rewinds;
                bool Kept() => writer.Checkpoints.Rewinds == rewound;
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (writer.Log!.Pages <= writer.Checkpoints.HardFrames && Kept() && waited.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(20, ct);
                }
                holding = Kept() && writer.Log.Pages > writer.Checkpoints.HardFrames;
                if (!holding) await ExecuteAsync(reader, "COMMIT;", ct);
            }
            Assert.True(holding, $"no read kept the log: it reached only {Length() / 1024 / 1024.0:0.0} MiB");

            // Held: for three seconds the read goes on, and at most the batch in hand gets through.
            await Task.Delay(300, ct);
            var before = Volatile.Read(ref done);
            peak = Length();
            for (var i = 0; i < 150; i++)
            {
                await Task.Delay(20, ct);
                peak = Math.Max(peak, Length());
            }
            held = Volatile.Read(ref done) - before;
            rewinds = writer.Checkpoints.Rewinds;
            await ExecuteAsync(reader, "COMMIT;", ct);
            released = Volatile.Read(ref done);
            while (Volatile.Read(ref done) < released + 8 * ids.Count && !writing.IsCompleted) await Task.Delay(20, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await writing;
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{held} events while held, WAL at most {peak / 1024 / 1024.0:0.0} MiB");
        Assert.True(held <= 2 * ids.Count, $"{held} events went through in three seconds while the log was past twice its limit");
        Assert.True(peak < 3L * LimitMiB * 1024 * 1024, $"the WAL reached {peak / 1024 / 1024.0:0.0} MiB behind the read, limit {LimitMiB} MiB");
        Assert.True(writer.Checkpoints.Rewinds > rewinds, "the log was not rewound once the read ended");
        Assert.True(done >= released + 8 * ids.Count, $"{done - released} events went through once the read ended");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static ServiceFactory WithLimit() => new("2026-10-12")
    {
        Settings = { ["Database:WalLimitMiB"] = LimitMiB.ToString(CultureInfo.InvariantCulture) },
    };

    /// <summary>The service started, and the pupils started on the pathway.</summary>
    private static async Task<(WorkflowEngine Engine, SqliteWorkflowWriter Writer, List<Guid> Ids)> StartPupilsAsync(ServiceFactory f,
        CancellationToken ct)
    {
        _ = f.CreateClient();
        await BenchHost.SeedPupilsAsync(f.Services, Pupils);
        var engine = f.Services.GetRequiredService<WorkflowEngine>();
        var ids = new List<Guid>();
        for (var i = 0; i < Pupils; i++) ids.Add((await engine.StartAsync("send-pathway", $"bench-{i}", "test", ct)).Id);
        return (engine, f.Services.GetRequiredService<SqliteWorkflowWriter>(), ids);
    }

    // Each pupil goes round stages 1 -> 2 -> 5 -> 6 -> 3 -> 2 -> 5 ...: every move writes tens of rows and their index pages.
    private static readonly (string Name, Dictionary<string, object?> Data)[] Moves =
    [
        ("review.completed", new() { ["progress"] = "little" }), ("assessment.requested", new() { ["by"] = "school" }),
        ("plan.issued", []), ("plan.ceased", []), ("review.completed", new() { ["progress"] = "good" }),
    ];

    /// <summary>One round of moves for every pupil (the first round from stage 1), told to <paramref name="moved"/> move by
    /// move; returns the events raised.</summary>
    private static async Task<int> MoveAllAsync(WorkflowEngine engine, List<Guid> ids, int round, CancellationToken ct, Action<int>? moved = null)
    {
        var events = 0;
        foreach (var (name, data) in Moves.Skip(round == 0 ? 0 : 1))
        {
            await Task.WhenAll(ids.Select(id => engine.RaiseAsync(id, new WorkflowEvent(name, new EventData(data), "test"), ct)));
            events += ids.Count;
            moved?.Invoke(ids.Count);
        }
        return events;
    }
}
