namespace SendWorkflow.Workflows.Stores.InMemory;

/// <summary>
/// A unit of work over the in-memory tables, as the database's session behaves: entities it hands out are copies,
/// tracked until commit (asked again, the same object comes back); queries over many rows read what is committed;
/// commit writes every change and addition together, or throws and writes nothing.
/// </summary>
internal sealed class InMemoryWorkflowSession(InMemoryTables tables) : IWorkflowSession
{
    private readonly Dictionary<Guid, (WorkflowInstance Entity, int Stamp)> _instances = [];
    private readonly Dictionary<Guid, (WorkTask Entity, WorkTask Read)> _tasks = [];
    private readonly Dictionary<Guid, (WorkflowTimer Entity, WorkflowTimer Read)> _timers = [];
    private ChangeSet _added = new();

    public Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken ct)
    {
        if (_instances.TryGetValue(id, out var known)) return Task.FromResult<WorkflowInstance?>(known.Entity);
        var instance = tables.Read(t => t.Instances.TryGetValue(id, out var i) ? EntityCopy.Of(i) : null);
        if (instance is not null) _instances[id] = (instance, instance.ConcurrencyStamp);
        return Task.FromResult(instance);
    }

    public Task<SubjectPlacement?> FindSubjectAsync(string subjectId, CancellationToken ct) =>
        Task.FromResult(tables.Read(t => t.Subjects.GetValueOrDefault(subjectId)));

    public Task<Guid?> FindActiveInstanceAsync(string subjectId, string definitionId, CancellationToken ct) =>
        Task.FromResult(tables.Read(t => t.Instances.Values
            .Where(i => i.SubjectId == subjectId && i.DefinitionId == definitionId && i.Status == InstanceStatus.Active)
            .Select(i => (Guid?)i.Id).FirstOrDefault()));

    public Task<WorkTask?> FindTaskAsync(Guid id, CancellationToken ct)
    {
        if (_tasks.TryGetValue(id, out var known)) return Task.FromResult<WorkTask?>(known.Entity);
        var task = tables.Read(t => t.Tasks.TryGetValue(id, out var stored) ? EntityCopy.Of(stored) : null);
        return Task.FromResult(task is null ? null : Track(task));
    }

    public Task<IReadOnlyList<WorkTask>> FindTasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.ToHashSet();
        return Task.FromResult<IReadOnlyList<WorkTask>>(FindTasks(t => wanted.Contains(t.Id)));
    }

    public Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<WorkTask>>(FindTasks(t => t.InstanceId == instanceId && t.Status == WorkTaskStatus.Open));

    public Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct) =>
        Task.FromResult(FindTasks(t => t.InstanceId == instanceId && t.DefinitionTaskId == definitionTaskId).Count > 0);

    public Task<WorkflowTimer?> FindTimerAsync(Guid id, CancellationToken ct)
    {
        if (_timers.TryGetValue(id, out var known)) return Task.FromResult<WorkflowTimer?>(known.Entity);
        var timer = tables.Read(t => t.Timers.TryGetValue(id, out var stored) ? EntityCopy.Of(stored) : null);
        return Task.FromResult(timer is null ? null : Track(timer));
    }

    public Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<WorkflowTimer>>(FindTimers(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending));

    public void Add(WorkflowInstance instance) => _added.NewInstances.Add(instance);
    public void Add(JournalEntry entry) => _added.Journal.Add(entry);
    public void Add(WorkTask task) => _added.NewTasks.Add(task);
    public void Add(WorkflowTimer timer) => _added.NewTimers.Add(timer);
    public void Add(Milestone milestone) => _added.Milestones.Add(milestone);

    public Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct)
    {
        var added = _added.Milestones.Where(m => m.InstanceId == instanceId && m.Name == name).Select(m => (DateOnly?)m.On).Max();
        var stored = tables.Read(t => t.Milestones.Where(m => m.InstanceId == instanceId && m.Name == name)
            .Select(m => (DateOnly?)m.On).Max());
        return Task.FromResult(added > stored || stored is null ? added : stored);
    }

    public Task CommitAsync(CancellationToken ct)
    {
        var changes = _added;
        foreach (var (entity, stamp) in _instances.Values.Where(i => i.Entity.ConcurrencyStamp != i.Stamp))
            changes.ChangedInstances.Add((entity, stamp));
        foreach (var (task, read) in _tasks.Values.Where(t => !EntityCopy.Same(t.Entity, t.Read)))
        {
            // Every change moves the revision on, whether or not the engine remembered to.
            if (task.Revision == read.Revision) task.Revision++;
            changes.ChangedTasks.Add((task, read.Revision));
        }
        foreach (var (timer, read) in _timers.Values.Where(t => !EntityCopy.Same(t.Entity, t.Read)))
            changes.ChangedTimers.Add((timer, read.Status));
        tables.Apply(changes);
        Committed();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>After a commit the session goes on from what it wrote: nothing is written twice.</summary>
    private void Committed()
    {
        _added = new ChangeSet();
        foreach (var (id, known) in _instances.ToList()) _instances[id] = (known.Entity, known.Entity.ConcurrencyStamp);
        foreach (var (id, known) in _tasks.ToList()) _tasks[id] = (known.Entity, EntityCopy.Of(known.Entity));
        foreach (var (id, known) in _timers.ToList()) _timers[id] = (known.Entity, EntityCopy.Of(known.Entity));
    }

    private List<WorkTask> FindTasks(Func<WorkTask, bool> match)
    {
        var found = tables.Read(t => t.Tasks.Values.Where(match).Select(EntityCopy.Of).ToList());
        return found.Select(task => _tasks.TryGetValue(task.Id, out var known) ? known.Entity : Track(task)).ToList();
    }

    private List<WorkflowTimer> FindTimers(Func<WorkflowTimer, bool> match)
    {
        var found = tables.Read(t => t.Timers.Values.Where(match).Select(EntityCopy.Of).ToList());
        return found.Select(timer => _timers.TryGetValue(timer.Id, out var known) ? known.Entity : Track(timer)).ToList();
    }

    private WorkTask Track(WorkTask task)
    {
        _tasks[task.Id] = (task, EntityCopy.Of(task));
        return task;
    }

    private WorkflowTimer Track(WorkflowTimer timer)
    {
        _timers[timer.Id] = (timer, EntityCopy.Of(timer));
        return timer;
    }
}
