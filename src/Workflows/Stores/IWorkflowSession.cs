namespace SendWorkflow.Workflows.Stores;

/// <summary>
/// A unit of work over instances, tasks, timers and the journal. Entities it returns are tracked: changes to
/// them and everything added are written together by <see cref="CommitAsync"/>, or not at all.
/// </summary>
public interface IWorkflowSession : IAsyncDisposable
{
    Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken ct);
    Task<SubjectPlacement?> FindSubjectAsync(string subjectId, CancellationToken ct);
    /// <summary>The subject's active instance of the definition, if there is one.</summary>
    Task<Guid?> FindActiveInstanceAsync(string subjectId, string definitionId, CancellationToken ct);
    Task<WorkTask?> FindTaskAsync(Guid id, CancellationToken ct);
    Task<WorkflowTimer?> FindTimerAsync(Guid id, CancellationToken ct);
    /// <summary>
    /// The tasks, for a unit that changes them and nothing else of their instances (a warning): a store may read each task
    /// alone, as of its own moment, since each task's revision guards its write.
    /// </summary>
    Task<IReadOnlyList<WorkTask>> FindTasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
    Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct);
    /// <summary>Whether the instance has ever had a task made from the given task of its definition (open, done or closed).</summary>
    Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct);
    Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct);
    void Add(WorkflowInstance instance);
    void Add(JournalEntry entry);
    void Add(WorkTask task);
    void Add(WorkflowTimer timer);
    void Add(Milestone milestone);
    /// <summary>The date of the instance's latest milestone of that name, including one added in this unit of work.</summary>
    Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct);
    /// <summary>Writes everything in one transaction; throws <see cref="ConcurrencyConflictException"/> on a stale instance.</summary>
    Task CommitAsync(CancellationToken ct);
}
