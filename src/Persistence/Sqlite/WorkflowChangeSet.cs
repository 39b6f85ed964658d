using SendWorkflow.Persistence.Entities;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>Everything one event changed, written by <see cref="SqliteWorkflowWriter"/> in one transaction.</summary>
internal sealed class WorkflowChangeSet
{
    public List<WorkflowInstance> NewInstances { get; } = [];
    /// <summary>Changed instances with the stamp they were read with: the write only lands if it is unchanged.</summary>
    public List<(WorkflowInstance Instance, int ReadStamp)> ChangedInstances { get; } = [];
    public List<WorkTask> NewTasks { get; } = [];
    /// <summary>Changed tasks with the revision they were read at: a task changed meanwhile is a conflict.</summary>
    public List<(WorkTask Task, int ReadRevision)> ChangedTasks { get; } = [];
    public List<WorkflowTimer> NewTimers { get; } = [];
    /// <summary>Changed timers with the status they were read in: a timer fired or cancelled meanwhile is a conflict.</summary>
    public List<(WorkflowTimer Timer, TimerStatus ReadStatus)> ChangedTimers { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public List<Milestone> Milestones { get; } = [];
    /// <summary>Audit entries committed with the change (or alone, for a look at a record).</summary>
    public List<AuditEntryRecord> Audit { get; } = [];

    public bool IsEmpty => NewInstances.Count + ChangedInstances.Count + NewTasks.Count + ChangedTasks.Count
        + NewTimers.Count + ChangedTimers.Count + Journal.Count + Milestones.Count + Audit.Count == 0;
}
