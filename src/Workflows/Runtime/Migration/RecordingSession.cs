namespace SendWorkflow.Workflows.Runtime.Migration;

/// <summary>
/// A session that passes everything through and remembers the tasks, timers and instances added to it, so the plan of a
/// move lists what entering a state created, whether the move is committed or (a dry run) thrown away.
/// </summary>
internal sealed class RecordingSession(IWorkflowSession inner) : IWorkflowSession
{
    public List<WorkTask> AddedTasks { get; } = [];
    public List<WorkflowTimer> AddedTimers { get; } = [];
    public List<WorkflowInstance> AddedInstances { get; } = [];

    public Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken ct) => inner.FindInstanceAsync(id, ct);
    public Task<SubjectPlacement?> FindSubjectAsync(string subjectId, CancellationToken ct) => inner.FindSubjectAsync(subjectId, ct);
    public Task<Guid?> FindActiveInstanceAsync(string subjectId, string definitionId, CancellationToken ct) =>
        inner.FindActiveInstanceAsync(subjectId, definitionId, ct);
    public Task<WorkTask?> FindTaskAsync(Guid id, CancellationToken ct) => inner.FindTaskAsync(id, ct);
    public Task<WorkflowTimer?> FindTimerAsync(Guid id, CancellationToken ct) => inner.FindTimerAsync(id, ct);
    public Task<IReadOnlyList<WorkTask>> FindTasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => inner.FindTasksAsync(ids, ct);
    public Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct) => inner.OpenTasksAsync(instanceId, ct);
    public Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct) =>
        inner.HasTaskAsync(instanceId, definitionTaskId, ct);
    public Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct) => inner.PendingTimersAsync(instanceId, ct);
    public Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct) =>
        inner.LatestMilestoneAsync(instanceId, name, ct);
    public void Add(JournalEntry entry) => inner.Add(entry);
    public void Add(Milestone milestone) => inner.Add(milestone);
    public Task CommitAsync(CancellationToken ct) => inner.CommitAsync(ct);
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    public void Add(WorkflowInstance instance)
    {
        AddedInstances.Add(instance);
        inner.Add(instance);
    }

    public void Add(WorkTask task)
    {
        AddedTasks.Add(task);
        inner.Add(task);
    }

    public void Add(WorkflowTimer timer)
    {
        AddedTimers.Add(timer);
        inner.Add(timer);
    }
}
