using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The instances' state held between units of work, on SQLite (one host, which the host's <c>SqliteHostLock</c> enforces):
/// for each of the instances used last, its row, its open tasks and its pending timers, so that a unit of work on an
/// instance already seen reads none of them (a unit's first read after any commit finds SQLite's page cache emptied,
/// which made the reads a quarter of an event's CPU). It stays true in four ways (README, "The design for the state in memory"):
/// <list type="bullet">
/// <item>The single writer applies what each commit wrote, under the lock, before the commit's callers hear
/// (<see cref="Committed"/>); a refused change set drops its instances.</item>
/// <item>A unit offers what it read from the database with the number of commits it noted before its first read; the rows
/// are kept only if no commit touching their instance (a slot per hash of the id) was numbered after it
/// (<see cref="Offer"/>), so older rows never overwrite a newer commit.</item>
/// <item>A write from outside the writer (an EF command on the instances, tasks or timers) empties it and refuses every
/// offer noted before (<see cref="Clear"/>, from <see cref="OutsideWriteInterceptor"/>); the writer's own bulk completion
/// takes out only the tasks it closed, and raises their instances' stamps (<see cref="CompletedInBulk"/>).</item>
/// <item>A unit takes an instance's three parts together, copied, and only before it has read that state from the
/// database (<see cref="SqliteSessionReads"/>): its view is then one moment, and the instance's stamp refuses its write if
/// a commit came after it (<c>StampRuleTests</c>). A unit that begins with a task's or a timer's id finds the instance
/// from it (<see cref="OwnerOf"/>) while the task is open or the timer pending; one that reads an instance from the
/// database reads and offers all three parts, so that what it leaves behind can be taken.</item>
/// </list>
/// </summary>
/// <param name="capacity">How many instances are held at most; the least recently used go first.</param>
internal sealed class InstanceStateCache(int capacity = InstanceStateCache.DefaultCapacity)
{
    /// <summary>About 45 MB at about 4.5 KB an instance (its row, some ten open tasks and a few timers).</summary>
    public const int DefaultCapacity = 10_000;

    private const int Slots = 4096;
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, LinkedListNode<Held>> _held = [];
    private readonly LinkedList<Held> _recent = new();
    private readonly long[] _writtenAt = new long[Slots];
    // The instance of each open task and pending timer held (ids are unique across both): a unit that begins with a task's
    // or a timer's id (completing a review, firing a timer) finds its instance from it. Changed under the lock, read without
    // it (OwnerOf), as the commits' number is.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> _owners = [];
    private long _commits;
    private long _outsideAt;

    /// <summary>The state of one instance, as taken: copies a unit of work may change.</summary>
    public sealed record State(WorkflowInstance Instance, List<WorkTask> OpenTasks, List<WorkflowTimer> PendingTimers);

    private sealed class Held(Guid id)
    {
        public Guid Id { get; } = id;
        public WorkflowInstance? Instance { get; set; }
        public List<WorkTask>? OpenTasks { get; set; }
        public List<WorkflowTimer>? PendingTimers { get; set; }
    }

    /// <summary>
    /// The commits (and writes from outside) so far: what a unit notes before its first read. Read without the lock: a
    /// commit's number is raised only after SQLite has committed it, so a unit that notes the new number reads what that
    /// commit wrote, and one that notes the old number has its offer of those instances refused. Under the lock, every
    /// unit that began while the writer brought the state held up to date after a commit waited for it: 1,260 waits of 0.8 ms
    /// on average in a simulated year of 10,000 pupils (docs/benchmark-log.md, 4 December 2026).
    /// </summary>
    public long Commits => Volatile.Read(ref _commits);

    /// <summary>
    /// How many instances are held at most. A service keeps the default; the simulated year sets it to the instances of the
    /// register it walks (a pupil's instances are used again every few days, and each miss reads an instance whole).
    /// </summary>
    public int Capacity
    {
        get
        {
            lock (_lock) return capacity;
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            lock (_lock)
            {
                capacity = value;
                Trim();
            }
        }
    }

    /// <summary>How many instances are held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _held.Count;
        }
    }

    /// <summary>The instance with its open tasks and pending timers, copied together; null unless all three are held.</summary>
    public State? Take(Guid instanceId)
    {
        lock (_lock)
        {
            return HeldWhole(instanceId) is { Instance: { } instance, OpenTasks: { } open, PendingTimers: { } pending }
                ? new State(EntityCopy.Of(instance), [.. open.Select(EntityCopy.Of)], [.. pending.Select(EntityCopy.Of)])
                : null;
        }
    }

    /// <summary>
    /// One open task of an instance held whole, copied alone: for a unit that changes that task and nothing else of its
    /// instance (a warning), whose write the task's revision guards. A warning of a hundred tasks used to copy their hundred
    /// instances whole (docs/benchmark-log.md, 4 December 2026). Null when the instance is not held whole or the task is not
    /// among its open ones.
    /// </summary>
    public WorkTask? TakeTask(Guid instanceId, Guid taskId)
    {
        lock (_lock)
        {
            return HeldWhole(instanceId)?.OpenTasks!.Find(t => t.Id == taskId) is { } task ? EntityCopy.Of(task) : null;
        }
    }

    // Under the lock: the instance if its row, open tasks and pending timers are all held, made the one used last.
    private Held? HeldWhole(Guid instanceId)
    {
        if (!_held.TryGetValue(instanceId, out var node)) return null;
        if (node.Value is not { Instance: not null, OpenTasks: not null, PendingTimers: not null }) return null;
        _recent.Remove(node);
        _recent.AddFirst(node);
        return node.Value;
    }

    /// <summary>The instance whose open task or pending timer this is, if that instance's tasks or timers are held.</summary>
    /// <remarks>
    /// Read without the lock: an owner found as a commit closes the task leads to the instance taken after that commit,
    /// whose open tasks no longer hold it, as if it had been looked up a moment later; one not yet added means a read of the
    /// database, as for an instance not held.
    /// </remarks>
    public Guid? OwnerOf(Guid taskOrTimerId) => _owners.TryGetValue(taskOrTimerId, out var owner) ? owner : null;

    /// <summary>
    /// What a unit read from the database, kept only if nothing touching the instance has been committed (or written from
    /// outside) since <paramref name="seenAt"/>, the number of commits the unit noted before its first read.
    /// </summary>
    public void Offer(Guid instanceId, long seenAt, WorkflowInstance? instance = null, IEnumerable<WorkTask>? openTasks = null,
        IEnumerable<WorkflowTimer>? pendingTimers = null)
    {
        lock (_lock)
        {
            if (_outsideAt > seenAt || _writtenAt[Slot(instanceId)] > seenAt) return;
            var held = Hold(instanceId);
            if (instance is not null) held.Instance = EntityCopy.Of(instance);
            if (openTasks is not null) SetOpenTasks(held, [.. openTasks.Select(EntityCopy.Of)]);
            if (pendingTimers is not null) SetPendingTimers(held, [.. pendingTimers.Select(EntityCopy.Of)]);
            Trim();
        }
    }

    /// <summary>
    /// After a commit, before its callers hear: the rows each written change set holds (its rows as they now are) over what
    /// is held; a refused change set's instances are let go, since what a unit read of them may be older than the database.
    /// </summary>
    public void Committed(IEnumerable<WorkflowChangeSet> written, IEnumerable<WorkflowChangeSet> refused)
    {
        lock (_lock)
        {
            var at = Raise();
            foreach (var changes in written) Apply(changes, at);
            foreach (var changes in refused)
            {
                foreach (var id in InstancesOf(changes)) Forget(id, at);
            }
            Trim();
        }
    }

    /// <summary>Something outside the writer changed instances, tasks or timers: nothing held, and no offer noted before is kept.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _outsideAt = Raise();
            _held.Clear();
            _recent.Clear();
            _owners.Clear();
        }
    }

    /// <summary>
    /// The writer completed these open tasks in bulk (<see cref="SqliteWorkflowWriter.CompleteInBulkAsync"/>), giving each
    /// instance the stamp in <paramref name="stamps"/> and setting its time of change to <paramref name="at"/>: they leave
    /// their instances' open tasks, the instances held take the new stamp, and no offer of those instances noted before is
    /// kept. The stamp is the one the database now holds, not the held one raised by one: a unit that read an instance
    /// after the completion's commit may have offered it before this ran, with the new stamp already, and a stamp one too
    /// high would refuse the next unit's write for nothing.
    /// </summary>
    public void CompletedInBulk(IReadOnlyCollection<(Guid Task, Guid Instance)> closed, IReadOnlyDictionary<Guid, int> stamps, DateTime at)
    {
        lock (_lock)
        {
            var written = Raise();
            foreach (var (task, _) in closed) _owners.TryRemove(task, out _);
            foreach (var group in closed.GroupBy(c => c.Instance, c => c.Task))
            {
                _writtenAt[Slot(group.Key)] = written;
                if (Find(group.Key) is not { } held) continue;
                var tasks = group.ToHashSet();
                held.OpenTasks?.RemoveAll(t => tasks.Contains(t.Id));
                if (held.Instance is { } instance && stamps.TryGetValue(group.Key, out var stamp))
                {
                    instance.ConcurrencyStamp = stamp;
                    instance.UpdatedAt = at;
                }
            }
        }
    }

    // Under the lock: the number is written by one thread at a time, and read by others through Commits.
    private long Raise()
    {
        var next = _commits + 1;
        Volatile.Write(ref _commits, next);
        return next;
    }

    private void Forget(Guid id, long at)
    {
        _writtenAt[Slot(id)] = at;
        if (_held.Remove(id, out var node)) Drop(node);
    }

    private void Apply(WorkflowChangeSet changes, long at)
    {
        foreach (var id in InstancesOf(changes)) _writtenAt[Slot(id)] = at;
        // A new instance's tasks and timers are all in the change set that starts it.
        foreach (var instance in changes.NewInstances)
        {
            var held = Hold(instance.Id);
            held.Instance = EntityCopy.Of(instance);
            SetOpenTasks(held, []);
            SetPendingTimers(held, []);
        }
        // What is held is brought up to date in place where it can be: a new copy each time would live until the instance's
        // next unit, long enough for the garbage collector to move it to its older generations (docs/benchmark-log.md, night
        // of 3 December 2026).
        foreach (var (instance, _) in changes.ChangedInstances)
        {
            if (Find(instance.Id) is not { } held) continue;
            if (held.Instance is { } had) EntityCopy.Into(instance, had);
            else held.Instance = EntityCopy.Of(instance);
        }
        foreach (var task in changes.NewTasks) Update(task, task.InstanceId, task.Status == WorkTaskStatus.Open, Tasks);
        foreach (var (task, _) in changes.ChangedTasks) Update(task, task.InstanceId, task.Status == WorkTaskStatus.Open, Tasks);
        foreach (var timer in changes.NewTimers) Update(timer, timer.InstanceId, timer.Status == TimerStatus.Pending, Timers);
        foreach (var (timer, _) in changes.ChangedTimers) Update(timer, timer.InstanceId, timer.Status == TimerStatus.Pending, Timers);
    }

    private static readonly (Func<Held, List<WorkTask>?> Of, Func<WorkTask, Guid> Id) Tasks = (h => h.OpenTasks, t => t.Id);
    private static readonly (Func<Held, List<WorkflowTimer>?> Of, Func<WorkflowTimer, Guid> Id) Timers = (h => h.PendingTimers, t => t.Id);

    // A task or timer as written, over its instance's held list: updated in place while it stays open (or pending), added
    // when new to the list, taken out once it is not.
    private void Update<T>(T row, Guid instanceId, bool stays, (Func<Held, List<T>?> Of, Func<T, Guid> Id) list) where T : class
    {
        if (Find(instanceId) is not { } held || list.Of(held) is not { } rows) return;
        var id = list.Id(row);
        var at = -1;
        for (var i = 0; i < rows.Count && at < 0; i++)
        {
            if (list.Id(rows[i]) == id) at = i;
        }
        if (!stays)
        {
            if (at >= 0) rows.RemoveAt(at);
            _owners.TryRemove(id, out _);
            return;
        }
        if (at >= 0) EntityCopy.Into(row, rows[at]);
        else rows.Add(EntityCopy.Of(row));
        _owners[id] = instanceId;
    }

    private static IEnumerable<Guid> InstancesOf(WorkflowChangeSet changes) =>
        changes.NewInstances.Select(i => i.Id).Concat(changes.ChangedInstances.Select(c => c.Instance.Id))
            .Concat(changes.NewTasks.Select(t => t.InstanceId)).Concat(changes.ChangedTasks.Select(c => c.Task.InstanceId))
            .Concat(changes.NewTimers.Select(t => t.InstanceId)).Concat(changes.ChangedTimers.Select(c => c.Timer.InstanceId));

    private Held? Find(Guid id) => _held.TryGetValue(id, out var node) ? node.Value : null;

    private Held Hold(Guid id)
    {
        if (_held.TryGetValue(id, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value;
        }
        node = _recent.AddFirst(new Held(id));
        _held[id] = node;
        return node.Value;
    }

    private void Trim()
    {
        while (_held.Count > capacity && _recent.Last is { } last)
        {
            _recent.RemoveLast();
            _held.Remove(last.Value.Id);
            Disown(last.Value);
        }
    }

    private void SetOpenTasks(Held held, List<WorkTask> open)
    {
        foreach (var task in held.OpenTasks ?? []) _owners.TryRemove(task.Id, out _);
        held.OpenTasks = open;
        foreach (var task in open) _owners[task.Id] = held.Id;
    }

    private void SetPendingTimers(Held held, List<WorkflowTimer> pending)
    {
        foreach (var timer in held.PendingTimers ?? []) _owners.TryRemove(timer.Id, out _);
        held.PendingTimers = pending;
        foreach (var timer in pending) _owners[timer.Id] = held.Id;
    }

    // An instance let go: from the list of those held (already out of the map) and from the owners of its tasks and timers.
    private void Drop(LinkedListNode<Held> node)
    {
        _recent.Remove(node);
        Disown(node.Value);
    }

    private void Disown(Held held)
    {
        foreach (var task in held.OpenTasks ?? []) _owners.TryRemove(task.Id, out _);
        foreach (var timer in held.PendingTimers ?? []) _owners.TryRemove(timer.Id, out _);
    }

    private static int Slot(Guid id) => (int)((uint)id.GetHashCode() % Slots);
}
