namespace SendWorkflow.Workflows.Stores;

/// <summary>
/// Everything one unit of work changed, as a store applies it: all together or not at all. A changed entity carries
/// what it was read with (an instance's stamp, a task's revision, a timer's status), so a write that lost a race is a
/// conflict rather than an overwrite.
/// </summary>
public class ChangeSet
{
    public List<WorkflowInstance> NewInstances { get; } = [];
    /// <summary>Changed instances with the stamp they were read with: the write only lands if the stored one still has it.</summary>
    public List<(WorkflowInstance Instance, int ReadStamp)> ChangedInstances { get; } = [];
    public List<WorkTask> NewTasks { get; } = [];
    /// <summary>Changed tasks with the revision they were read at: a task changed meanwhile is a conflict.</summary>
    public List<(WorkTask Task, int ReadRevision)> ChangedTasks { get; } = [];
    public List<WorkflowTimer> NewTimers { get; } = [];
    /// <summary>Changed timers with the status they were read in: a timer fired or cancelled meanwhile is a conflict.</summary>
    public List<(WorkflowTimer Timer, TimerStatus ReadStatus)> ChangedTimers { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public List<Milestone> Milestones { get; } = [];

    public virtual bool IsEmpty => NewInstances.Count + ChangedInstances.Count + NewTasks.Count + ChangedTasks.Count
        + NewTimers.Count + ChangedTimers.Count + Journal.Count + Milestones.Count == 0;
}
