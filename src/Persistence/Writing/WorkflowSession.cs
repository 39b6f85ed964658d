using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// A unit of work: reads rows (<see cref="ISessionReads"/>), remembers what it handed out, and on commit sends everything
/// that changed to the writer, which commits it in one transaction. A stale instance stamp is a conflict.
/// </summary>
internal sealed class WorkflowSession(ISessionReads reads, IChangeSetWriter writer) : IWorkflowSession
{
    // Each row handed out, with a copy of it as it was read: what changed, the guard read, and the columns to write come from it.
    private readonly Dictionary<Guid, (WorkflowInstance Entity, WorkflowInstance Read)> _instances = [];
    private readonly Dictionary<Guid, (WorkTask Entity, WorkTask Read)> _tasks = [];
    private readonly Dictionary<Guid, (WorkflowTimer Entity, WorkflowTimer Read)> _timers = [];
    private readonly WorkflowChangeSet _added = new();
    private readonly long _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();

    public async Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken ct)
    {
        if (_instances.TryGetValue(id, out var known)) return known.Entity;
        var instance = await reads.InstanceAsync(id, ct);
        if (instance is not null) _instances[id] = (instance, EntityCopy.Of(instance));
        return instance;
    }

    /// <summary>A pupil, or a school when the subject is one (<see cref="SchoolSubject"/>).</summary>
    public Task<SubjectPlacement?> FindSubjectAsync(string subjectId, CancellationToken ct) =>
        SchoolSubject.Is(subjectId) ? reads.SchoolAsync(SchoolSubject.SchoolOf(subjectId), ct) : reads.PupilAsync(subjectId, ct);

    public Task<Guid?> FindActiveInstanceAsync(string pupilId, string definitionId, CancellationToken ct) =>
        reads.ActiveInstanceAsync(pupilId, definitionId, ct);

    public async Task<WorkTask?> FindTaskAsync(Guid id, CancellationToken ct)
    {
        if (_tasks.TryGetValue(id, out var known)) return known.Entity;
        var task = await reads.TaskAsync(id, ct);
        return task is null ? null : Track(task);
    }

    public async Task<IReadOnlyList<WorkTask>> FindTasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var found = await reads.TasksAsync(ids, ct);
        return found.Select(t => _tasks.TryGetValue(t.Id, out var known) ? known.Entity : Track(t)).ToList();
    }

    public async Task<WorkflowTimer?> FindTimerAsync(Guid id, CancellationToken ct)
    {
        if (_timers.TryGetValue(id, out var known)) return known.Entity;
        var timer = await reads.TimerAsync(id, ct);
        if (timer is not null) _timers[id] = (timer, EntityCopy.Of(timer));
        return timer;
    }

    public async Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct)
    {
        var found = await reads.OpenTasksAsync(instanceId, ct);
        return found.Select(t => _tasks.TryGetValue(t.Id, out var known) ? known.Entity : Track(t)).ToList();
    }

    public async Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct) =>
        _added.NewTasks.Any(t => t.InstanceId == instanceId && t.DefinitionTaskId == definitionTaskId)
        || await reads.HasTaskAsync(instanceId, definitionTaskId, ct);

    public async Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct)
    {
        var list = new List<WorkflowTimer>();
        foreach (var t in await reads.PendingTimersAsync(instanceId, ct))
        {
            if (_timers.TryGetValue(t.Id, out var known))
            {
                list.Add(known.Entity);
                continue;
            }
            _timers[t.Id] = (t, EntityCopy.Of(t));
            list.Add(t);
        }
        return list;
    }

    public void Add(WorkflowInstance instance) => _added.NewInstances.Add(instance);
    public void Add(JournalEntry entry) => _added.Journal.Add(entry);
    public void Add(WorkTask task) => _added.NewTasks.Add(task);
    public void Add(WorkflowTimer timer) => _added.NewTimers.Add(timer);
    public void Add(Milestone milestone) => _added.Milestones.Add(milestone);

    public async Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct)
    {
        var added = _added.Milestones.Where(m => m.InstanceId == instanceId && m.Name == name).Select(m => (DateOnly?)m.On).Max();
        var stored = await reads.LatestMilestoneAsync(instanceId, name, ct);
        return added > stored || stored is null ? added : stored;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        // Nothing more is read: a snapshot held while the writer commits would hold back the WAL's rewinds.
        reads.End();
        var changes = new WorkflowChangeSet();
        changes.NewInstances.AddRange(_added.NewInstances);
        changes.NewTasks.AddRange(_added.NewTasks);
        changes.NewTimers.AddRange(_added.NewTimers);
        changes.Journal.AddRange(_added.Journal);
        changes.Milestones.AddRange(_added.Milestones);
        changes.Audit.AddRange(AuditScope.Pending);
        if (ParentLinkScope.Pending is { } spent) changes.SpentLinks.Add(spent);
        foreach (var (instance, read) in _instances.Values.Where(i => i.Entity.ConcurrencyStamp != i.Read.ConcurrencyStamp))
        {
            changes.ChangedInstances.Add((instance, read.ConcurrencyStamp));
            changes.Read[instance] = read;
        }
        foreach (var (task, read) in _tasks.Values.Where(t => TaskSnapshot.Of(t.Entity) != TaskSnapshot.Of(t.Read)))
        {
            // Every change moves the revision on, whether or not the engine remembered to.
            if (task.Revision == read.Revision) task.Revision++;
            changes.ChangedTasks.Add((task, read.Revision));
            changes.Read[task] = read;
        }
        foreach (var (timer, read) in _timers.Values.Where(t => TimerSnapshot.Of(t.Entity) != TimerSnapshot.Of(t.Read)))
        {
            changes.ChangedTimers.Add((timer, read.Status));
            changes.Read[timer] = read;
        }
        // A unit that changed nothing is not written, so it has no latency to split.
        var profile = changes.IsEmpty ? null : writer.Profile;
        if (profile is not null) changes.Times = new UnitTimes(_startedAt);
        await writer.WriteAsync(changes, ct);
        profile?.Unit(changes.Times!);
    }

    public ValueTask DisposeAsync() => reads.DisposeAsync();

    private WorkTask Track(WorkTask task)
    {
        _tasks[task.Id] = (task, EntityCopy.Of(task));
        return task;
    }

    // What the engine may change on a task; a change to any of it is written (the columns that differ from the row as read,
    // guarded by the revision read).
    private readonly record struct TaskSnapshot(WorkTaskStatus Status, DateTime? CompletedAt, string? CompletedBy, string? Outcome,
        string? Notes, DateOnly DueOn, DateTime? WarnedAt, DateTime? EscalatedAt, int Revision, TaskHolder Holder)
    {
        public static TaskSnapshot Of(WorkTask t) =>
            new(t.Status, t.CompletedAt, t.CompletedBy, t.Outcome, t.Notes, t.DueOn, t.WarnedAt, t.EscalatedAt, t.Revision,
                new TaskHolder(t.Assignee, t.AssignedAt, t.StartBy, t.Priority));
    }

    private readonly record struct TaskHolder(string? Assignee, DateTime? AssignedAt, DateOnly? StartBy, TaskPriority Priority);

    private readonly record struct TimerSnapshot(TimerStatus Status, DateTime? FiredAt, DateTime DueAt)
    {
        public static TimerSnapshot Of(WorkflowTimer t) => new(t.Status, t.FiredAt, t.DueAt);
    }
}
