using SendWorkflow.Workflows.Stores;
using SendWorkflow.Workflows.Stores.InMemory;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class ConcurrencyTests
{
    [Fact]
    public async Task AConflictingWriteBeforeCommit_RetriesTheWholeEvent_WhichIsAppliedOnce()
    {
        var inner = new InMemoryWorkflowStore();
        var interfering = new InterferingStore(inner);
        var world = new EngineWorld(store: interfering, shared: inner).With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        interfering.InterfereWith = instance.Id;

        var outcome = await world.RaiseAsync(instance.Id, "check.done", ("level", "good"));

        Assert.False(outcome.Transitioned);
        Assert.Equal(1, interfering.Interfered);
        Assert.True(interfering.Commits >= 3);
        Assert.Single(world.Store.Journal(instance.Id), j => j.Kind == "event");
        Assert.Equal(1, world.Instance(instance.Id).ReviewsInStage);
    }

    /// <summary>Before the first commit of an event on the chosen instance, another writer changes that instance.</summary>
    private sealed class InterferingStore(InMemoryWorkflowStore inner) : IWorkflowStore
    {
        public Guid? InterfereWith { get; set; }
        public int Interfered { get; private set; }
        public int Commits { get; private set; }

        public async Task<IWorkflowSession> OpenAsync(CancellationToken ct) => new Session(this, await inner.OpenAsync(ct));

        private sealed class Session(InterferingStore store, IWorkflowSession session) : IWorkflowSession
        {
            private readonly List<Guid> _read = [];

            public async Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken ct)
            {
                _read.Add(id);
                return await session.FindInstanceAsync(id, ct);
            }

            public async Task CommitAsync(CancellationToken ct)
            {
                store.Commits++;
                if (store.InterfereWith is { } id && _read.Contains(id) && store.Interfered == 0)
                {
                    store.Interfered++;
                    await using var other = await store.OpenAsync(ct);
                    (await other.FindInstanceAsync(id, ct))!.ConcurrencyStamp++;
                    await other.CommitAsync(ct);
                }
                await session.CommitAsync(ct);
            }

            public Task<SubjectPlacement?> FindSubjectAsync(string subjectId, CancellationToken ct) => session.FindSubjectAsync(subjectId, ct);
            public Task<Guid?> FindActiveInstanceAsync(string subjectId, string definitionId, CancellationToken ct) =>
                session.FindActiveInstanceAsync(subjectId, definitionId, ct);
            public Task<WorkTask?> FindTaskAsync(Guid id, CancellationToken ct) => session.FindTaskAsync(id, ct);
            public Task<WorkflowTimer?> FindTimerAsync(Guid id, CancellationToken ct) => session.FindTimerAsync(id, ct);
            public Task<IReadOnlyList<WorkTask>> FindTasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
                session.FindTasksAsync(ids, ct);
            public Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct) => session.OpenTasksAsync(instanceId, ct);
            public Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct) =>
                session.HasTaskAsync(instanceId, definitionTaskId, ct);
            public Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct) =>
                session.PendingTimersAsync(instanceId, ct);
            public void Add(WorkflowInstance instance) => session.Add(instance);
            public void Add(JournalEntry entry) => session.Add(entry);
            public void Add(WorkTask task) => session.Add(task);
            public void Add(WorkflowTimer timer) => session.Add(timer);
            public void Add(Milestone milestone) => session.Add(milestone);
            public Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct) =>
                session.LatestMilestoneAsync(instanceId, name, ct);
            public ValueTask DisposeAsync() => session.DisposeAsync();
        }
    }
}
