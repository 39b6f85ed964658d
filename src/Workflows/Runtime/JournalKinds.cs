namespace SendWorkflow.Workflows.Runtime;

public static class JournalKinds
{
    public const string Started = "started";
    public const string Event = "event";
    public const string Transition = "transition";
    public const string Stayed = "stayed";
    public const string TaskCreated = "task-created";
    public const string TaskCompleted = "task-completed";
    /// <summary>A task given to a person (assigned, reassigned or claimed).</summary>
    public const string TaskAssigned = "task-assigned";
    /// <summary>A task given back to its whole role.</summary>
    public const string TaskReleased = "task-released";
    public const string TasksCancelled = "tasks-cancelled";
    public const string TimerStarted = "timer-started";
    public const string TimersCancelled = "timers-cancelled";
    public const string Closed = "closed";
    public const string TimerFired = "timer-fired";
    public const string TimerCancelled = "timer-cancelled";
    public const string TaskWarning = "task-warning";
    public const string TaskOverdue = "task-overdue";
    public const string ChildStarted = "child-started";
    public const string ParentNotWaiting = "parent-not-waiting";
    public const string Replanned = "replanned";
    public const string ExceptionRecorded = "exception-recorded";
    public const string RuleError = "rule-error";
    /// <summary>Moved to another version of its definition through a state map.</summary>
    public const string Migrated = "migrated";
}
