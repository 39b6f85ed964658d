using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Workflows.Stores.InMemory;

/// <summary>Everything one session changed, applied by <see cref="InMemoryTables.Apply"/> all together or not at all.</summary>
internal sealed class InMemoryChanges
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
}
