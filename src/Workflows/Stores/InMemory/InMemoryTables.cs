namespace SendWorkflow.Workflows.Stores.InMemory;

/// <summary>
/// The stored rows, behind one lock. Readers get copies; a change set is checked whole (stale stamps, revisions and
/// timer statuses, one active instance per subject and definition) before any of it is applied.
/// </summary>
internal sealed class InMemoryTables
{
    public object Gate { get; } = new();
    public Dictionary<string, SubjectPlacement> Subjects { get; } = new(StringComparer.Ordinal);
    public Dictionary<Guid, WorkflowInstance> Instances { get; } = [];
    public Dictionary<Guid, WorkTask> Tasks { get; } = [];
    public Dictionary<Guid, WorkflowTimer> Timers { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public List<Milestone> Milestones { get; } = [];

    /// <summary>Runs a read under the lock.</summary>
    public T Read<T>(Func<InMemoryTables, T> read)
    {
        lock (Gate) return read(this);
    }

    public void Apply(ChangeSet changes)
    {
        lock (Gate)
        {
            Check(changes);
            foreach (var (instance, _) in changes.ChangedInstances) Instances[instance.Id] = EntityCopy.Of(instance);
            foreach (var instance in changes.NewInstances) Instances.Add(instance.Id, EntityCopy.Of(instance));
            foreach (var (task, _) in changes.ChangedTasks) Tasks[task.Id] = EntityCopy.Of(task);
            foreach (var task in changes.NewTasks) Tasks.Add(task.Id, EntityCopy.Of(task));
            foreach (var (timer, _) in changes.ChangedTimers) Timers[timer.Id] = EntityCopy.Of(timer);
            foreach (var timer in changes.NewTimers) Timers.Add(timer.Id, EntityCopy.Of(timer));
            foreach (var entry in changes.Journal) Journal.Add(Numbered(entry, Journal.Count + 1));
            foreach (var milestone in changes.Milestones) Milestones.Add(Numbered(milestone, Milestones.Count + 1));
        }
    }

    private void Check(ChangeSet changes)
    {
        foreach (var (instance, readStamp) in changes.ChangedInstances)
        {
            if (!Instances.TryGetValue(instance.Id, out var stored) || stored.ConcurrencyStamp != readStamp)
                throw new ConcurrencyConflictException(instance.Id);
        }
        foreach (var (task, readRevision) in changes.ChangedTasks)
        {
            if (!Tasks.TryGetValue(task.Id, out var stored) || stored.Revision != readRevision)
                throw new ConcurrencyConflictException(task.InstanceId);
        }
        foreach (var (timer, readStatus) in changes.ChangedTimers)
        {
            if (!Timers.TryGetValue(timer.Id, out var stored) || stored.Status != readStatus)
                throw new ConcurrencyConflictException(timer.InstanceId);
        }
        var duplicate = changes.NewInstances.Select(i => i.Id).Concat(changes.NewTasks.Select(t => t.Id))
            .Concat(changes.NewTimers.Select(t => t.Id))
            .FirstOrDefault(id => Instances.ContainsKey(id) || Tasks.ContainsKey(id) || Timers.ContainsKey(id));
        if (duplicate != Guid.Empty) throw new InvalidOperationException($"The store already holds a row with id {duplicate}.");
        CheckOneActivePerSubject(changes);
    }

    /// <summary>As the database's unique index: one active instance of a definition per subject, after the change.</summary>
    private void CheckOneActivePerSubject(ChangeSet changes)
    {
        var changed = changes.ChangedInstances.Select(c => c.Instance).ToDictionary(i => i.Id);
        var keys = changes.NewInstances.Concat(changed.Values)
            .Where(i => i.Status == InstanceStatus.Active).Select(i => (i.SubjectId, i.DefinitionId)).ToHashSet();
        if (keys.Count == 0) return;
        var after = Instances.Values.Select(i => changed.GetValueOrDefault(i.Id, i)).Concat(changes.NewInstances);
        var clash = after.Where(i => i.Status == InstanceStatus.Active && keys.Contains((i.SubjectId, i.DefinitionId)))
            .GroupBy(i => (i.SubjectId, i.DefinitionId)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new AlreadyRunningException(clash.Key.SubjectId, clash.Key.DefinitionId, Guid.Empty);
    }

    private static JournalEntry Numbered(JournalEntry entry, long id)
    {
        var copy = EntityCopy.Of(entry);
        copy.Id = id;
        return copy;
    }

    private static Milestone Numbered(Milestone milestone, long id)
    {
        var copy = EntityCopy.Of(milestone);
        copy.Id = id;
        return copy;
    }
}
