using SendWorkflow.Workflows.Stores;
using SendWorkflow.Workflows.Stores.InMemory;

namespace SendWorkflow.Workflows.Tests.Stores;

/// <summary>The in-memory store keeps the store contracts as the database does.</summary>
public class InMemoryStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 9, 7, 8, 0, 0, DateTimeKind.Utc);

    private static async Task<(InMemoryWorkflowStore Store, WorkflowInstance Instance, WorkflowTimer Timer)> SeededAsync()
    {
        var store = new InMemoryWorkflowStore();
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid(), DefinitionId = "d", SubjectId = "s", State = "a", Status = InstanceStatus.Active,
        };
        var timer = new WorkflowTimer { Id = Guid.NewGuid(), InstanceId = instance.Id, State = "a", TimerId = "t", DueAt = Now };
        await using var session = await store.OpenAsync(None);
        session.Add(instance);
        session.Add(timer);
        await session.CommitAsync(None);
        return (store, instance, timer);
    }

    [Fact]
    public async Task ASessionHandsOutCopies_TrackedUntilCommit()
    {
        var (store, instance, _) = await SeededAsync();
        await using var session = await store.OpenAsync(None);

        var read = (await session.FindInstanceAsync(instance.Id, None))!;
        read.State = "b";

        Assert.Same(read, await session.FindInstanceAsync(instance.Id, None));
        Assert.Equal("a", store.Instances().Single().State);
    }

    [Fact]
    public async Task AStaleInstance_IsAConflict_AndNothingOfTheSessionIsWritten()
    {
        var (store, instance, _) = await SeededAsync();
        await using var first = await store.OpenAsync(None);
        await using var second = await store.OpenAsync(None);
        var a = (await first.FindInstanceAsync(instance.Id, None))!;
        var b = (await second.FindInstanceAsync(instance.Id, None))!;
        a.ConcurrencyStamp++;
        await first.CommitAsync(None);

        b.ConcurrencyStamp++;
        b.State = "c";
        second.Add(new JournalEntry { InstanceId = instance.Id, Kind = "event" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync(None));

        Assert.Equal("a", store.Instances().Single().State);
        Assert.Empty(store.Journal(instance.Id));
    }

    [Fact]
    public async Task ATimerIsMarkedFiredOnce_TheSecondWriterConflicts()
    {
        var (store, _, timer) = await SeededAsync();
        await using var first = await store.OpenAsync(None);
        await using var second = await store.OpenAsync(None);
        var a = (await first.FindTimerAsync(timer.Id, None))!;
        var b = (await second.FindTimerAsync(timer.Id, None))!;
        a.Status = b.Status = TimerStatus.Fired;

        await first.CommitAsync(None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync(None));

        Assert.Equal(TimerStatus.Fired, store.Timers().Single().Status);
    }

    [Fact]
    public async Task ASecondActiveInstanceOfADefinitionForASubject_IsRefused()
    {
        var (store, _, _) = await SeededAsync();
        await using var session = await store.OpenAsync(None);
        session.Add(new WorkflowInstance { Id = Guid.NewGuid(), DefinitionId = "d", SubjectId = "s", Status = InstanceStatus.Active });

        await Assert.ThrowsAsync<AlreadyRunningException>(() => session.CommitAsync(None));
        Assert.Single(store.Instances());
    }

    [Fact]
    public async Task TimerQueries_ReadWhatIsDue_EarliestFirst()
    {
        var (store, instance, timer) = await SeededAsync();
        var queries = new InMemoryTimerQueries(store);

        Assert.Empty(await queries.DueTimersAsync(Now.AddSeconds(-1), 10, None));
        Assert.Equal(timer.Id, Assert.Single(await queries.DueTimersAsync(Now, 10, None)).TimerId);
        Assert.Equal(Now, await queries.NextDueAsync(None));
        Assert.Equal(instance.Id, (await queries.DueTimersAsync(Now, 10, None))[0].InstanceId);
    }
}
