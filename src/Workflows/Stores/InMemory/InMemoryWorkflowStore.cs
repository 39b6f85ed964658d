namespace SendWorkflow.Workflows.Stores.InMemory;

/// <summary>
/// The store contracts held in memory, faithful to the database's: sessions hand out tracked copies, a commit applies
/// everything or nothing, a stale instance, task or timer is a <see cref="ConcurrencyConflictException"/>, a timer is
/// marked fired only if still pending at commit, one active instance of a definition per subject. Thread-safe. For
/// tests, demos and tools; nothing is kept when the process ends.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    internal InMemoryTables Tables { get; } = new();

    /// <summary>Makes a subject known (or moves it): instances can then be started for it.</summary>
    public void AddSubject(SubjectPlacement subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        lock (Tables.Gate) Tables.Subjects[subject.SubjectId] = subject;
    }

    public Task<IWorkflowSession> OpenAsync(CancellationToken ct) => Task.FromResult<IWorkflowSession>(new InMemoryWorkflowSession(Tables));

    /// <summary>Copies of the committed instances.</summary>
    public IReadOnlyList<WorkflowInstance> Instances() => Tables.Read(t => t.Instances.Values.Select(EntityCopy.Of).ToList());

    /// <summary>Copies of the committed tasks, oldest first.</summary>
    public IReadOnlyList<WorkTask> Tasks() =>
        Tables.Read(t => t.Tasks.Values.OrderBy(task => task.CreatedAt).ThenBy(task => task.Id).Select(EntityCopy.Of).ToList());

    /// <summary>Copies of the committed timers, earliest due first.</summary>
    public IReadOnlyList<WorkflowTimer> Timers() =>
        Tables.Read(t => t.Timers.Values.OrderBy(timer => timer.DueAt).ThenBy(timer => timer.Id).Select(EntityCopy.Of).ToList());

    /// <summary>The committed journal of one instance, in the order it was written.</summary>
    public IReadOnlyList<JournalEntry> Journal(Guid instanceId) =>
        Tables.Read(t => t.Journal.Where(j => j.InstanceId == instanceId).Select(EntityCopy.Of).ToList());

    /// <summary>Copies of the committed milestones, in the order they were recorded.</summary>
    public IReadOnlyList<Milestone> Milestones() => Tables.Read(t => t.Milestones.Select(EntityCopy.Of).ToList());
}
