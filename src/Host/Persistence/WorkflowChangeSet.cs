using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Host.Persistence;

/// <summary>Everything one event changed, written by <see cref="SqliteWorkflowWriter"/> in one transaction.</summary>
internal sealed class WorkflowChangeSet
{
    public List<WorkflowInstance> NewInstances { get; } = [];
    /// <summary>Changed instances with the stamp they were read with: the write only lands if it is unchanged.</summary>
    public List<(WorkflowInstance Instance, int ReadStamp)> ChangedInstances { get; } = [];
    public List<WorkTask> NewTasks { get; } = [];
    public List<WorkTask> ChangedTasks { get; } = [];
    public List<WorkflowTimer> NewTimers { get; } = [];
    public List<WorkflowTimer> ChangedTimers { get; } = [];
    public List<JournalEntry> Journal { get; } = [];

    public bool IsEmpty => NewInstances.Count + ChangedInstances.Count + NewTasks.Count + ChangedTasks.Count
        + NewTimers.Count + ChangedTimers.Count + Journal.Count == 0;
}
