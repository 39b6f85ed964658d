using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Writing;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// What the writer answers when a change set cannot land, the same on both databases (PostgreSQL sends a change set's
/// statements in one batch and checks the guarded updates after it): a stale instance is a conflict to retry, a second
/// active run of a definition for a pupil is "already running", and when a change set is both, the stale read wins
/// (the retry reads again and finds the run there). Nothing of a refused change set is written.
/// </summary>
public class ChangeSetRefusalTests : ProviderSuite
{
    [Fact]
    public async Task ASecondActiveRun_IsAlreadyRunning_AndNothingOfItIsWritten()
    {
        await using var p = await StartAsync();
        var (writer, running) = await RunningAsync(p);
        var changes = Changes(running, readStamp: running.ConcurrencyStamp);

        await Assert.ThrowsAsync<AlreadyRunningException>(() => writer.WriteAsync(changes, TestContext.Current.CancellationToken));
        await AssertUnchangedAsync(p, running);
    }

    [Fact]
    public async Task AStaleInstanceBesideASecondActiveRun_IsAConflict_AndNothingOfItIsWritten()
    {
        await using var p = await StartAsync();
        var (writer, running) = await RunningAsync(p);
        var changes = Changes(running, readStamp: running.ConcurrencyStamp - 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => writer.WriteAsync(changes, TestContext.Current.CancellationToken));
        await AssertUnchangedAsync(p, running);
    }

    [Fact]
    public async Task AStaleInstance_IsAConflict_AndNothingOfItIsWritten()
    {
        await using var p = await StartAsync();
        var (writer, running) = await RunningAsync(p);
        var changes = Changes(running, readStamp: running.ConcurrencyStamp + 5);
        changes.NewInstances.Clear();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => writer.WriteAsync(changes, TestContext.Current.CancellationToken));
        await AssertUnchangedAsync(p, running);
    }

    private static async Task<(IChangeSetWriter Writer, WorkflowInstance Running)> RunningAsync(Pathway p)
    {
        var started = await p.StartPupilAsync();
        var id = Guid.Parse((string)started["id"]!);
        var services = p.Factory.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        var running = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
        return (services.GetRequiredService<IChangeSetWriter>(), running);
    }

    /// <summary>The running instance moved on (guarded by <paramref name="readStamp"/>), a journal row, and a second active run.</summary>
    private static WorkflowChangeSet Changes(WorkflowInstance running, int readStamp)
    {
        var changes = new WorkflowChangeSet();
        var moved = Copy(running);
        moved.State = "initial-concern";
        moved.ConcurrencyStamp = running.ConcurrencyStamp + 1;
        changes.ChangedInstances.Add((moved, readStamp));
        changes.Journal.Add(new JournalEntry
        {
            InstanceId = running.Id, At = running.UpdatedAt, Kind = "note", State = running.State, Actor = "test",
            Detail = "written only with the change set",
        });
        var second = Copy(running);
        second.Id = Guid.CreateVersion7();
        second.ConcurrencyStamp = 0;
        changes.NewInstances.Add(second);
        return changes;
    }

    private static WorkflowInstance Copy(WorkflowInstance i) => new()
    {
        Id = i.Id, DefinitionId = i.DefinitionId, Version = i.Version, SubjectId = i.SubjectId, SchoolId = i.SchoolId,
        BoroughId = i.BoroughId, State = i.State, Stage = i.Stage, Status = i.Status, StartedAt = i.StartedAt,
        EnteredStateAt = i.EnteredStateAt, EnteredBy = i.EnteredBy, EnteredVia = i.EnteredVia, LastProgress = i.LastProgress,
        ReviewsInStage = i.ReviewsInStage, ReviewsWithoutProgress = i.ReviewsWithoutProgress, MeasureHistory = i.MeasureHistory,
        UpdatedAt = i.UpdatedAt, ParentInstanceId = i.ParentInstanceId, ConcurrencyStamp = i.ConcurrencyStamp,
    };

    private static async Task AssertUnchangedAsync(Pathway p, WorkflowInstance running)
    {
        await using var db = await p.Factory.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        var stored = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == running.Id);
        Assert.Equal((running.State, running.ConcurrencyStamp), (stored.State, stored.ConcurrencyStamp));
        Assert.Equal(1, await db.Instances.CountAsync(i => i.SubjectId == running.SubjectId));
        Assert.False(await db.Journal.AnyAsync(j => j.Detail == "written only with the change set"));
    }
}

public sealed class ChangeSetRefusalTestsOnPostgres : ChangeSetRefusalTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
