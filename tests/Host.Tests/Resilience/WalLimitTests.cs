using System.Globalization;
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
        await using var f = new ServiceFactory("2026-10-12")
        {
            Settings = { ["Database:WalLimitMiB"] = LimitMiB.ToString(CultureInfo.InvariantCulture) },
        };
        _ = f.CreateClient();
        await BenchHost.SeedPupilsAsync(f.Services, Pupils);
        var engine = f.Services.GetRequiredService<WorkflowEngine>();
        var writer = f.Services.GetRequiredService<SqliteWorkflowWriter>();
        var factory = f.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        var wal = f.DatabaseFile + "-wal";
        var ids = new List<Guid>();
        for (var i = 0; i < Pupils; i++) ids.Add((await engine.StartAsync("send-pathway", $"bench-{i}", "test", ct)).Id);

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

        // Each pupil goes round stages 1 -> 2 -> 5 -> 6 -> 3 -> 2 -> 5 ...: every move writes tens of rows and their index pages.
        var moves = new (string Name, Dictionary<string, object?> Data)[]
        {
            ("review.completed", new() { ["progress"] = "little" }), ("assessment.requested", new() { ["by"] = "school" }),
            ("plan.issued", []), ("plan.ceased", []), ("review.completed", new() { ["progress"] = "good" }),
        };
        var clock = (SimulatedTimeProvider)f.Services.GetRequiredService<TimeProvider>();
        clock.AdvanceTo(clock.GetUtcNow().AddDays(49));
        var events = 0;
        for (var round = 0; round < 12 && (writer.Checkpoints.Rewinds < 3 || round < 4); round++)
        {
            foreach (var (name, data) in moves.Skip(round == 0 ? 0 : 1))
            {
                await Task.WhenAll(ids.Select(id => engine.RaiseAsync(id, new WorkflowEvent(name, new EventData(data), "test"), ct)));
                events += ids.Count;
            }
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
}
