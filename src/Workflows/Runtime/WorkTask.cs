namespace SendWorkflow.Workflows.Runtime;

/// <summary>Work the workflow gave a role; completing it may raise the event the workflow waits for.</summary>
public sealed class WorkTask
{
    /// <summary>The kind of the task that chases an overdue one: it is not work of its own.</summary>
    public const string EscalationKind = "escalation";

    /// <summary>The outcome of an escalation closed because the late task it chased was done.</summary>
    public const string EscalationResolved = "late-task-done";

    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string SubjectId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    public string State { get; set; } = "";
    public string DefinitionTaskId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Role { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>The form the inbox shows, copied from the task's definition (none: notes only).</summary>
    public string? Form { get; set; }
    public DateOnly DueOn { get; set; }
    public WorkTaskStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Outcome { get; set; }
    public string? Notes { get; set; }
    public string? Raises { get; set; }
    /// <summary>Calendar point (e.g. "target-review") the next occurrence is due at, for repeating tasks.</summary>
    public string? RepeatsAt { get; set; }
    /// <summary>The day the role is warned that the task falls due soon.</summary>
    public DateOnly? WarnOn { get; set; }
    public DateTime? WarnedAt { get; set; }
    /// <summary>When the task was found overdue and escalated; set once.</summary>
    public DateTime? EscalatedAt { get; set; }
    /// <summary>The role given the escalation task when this one goes overdue; empty when the definition names none.</summary>
    public string EscalateTo { get; set; } = "";
    /// <summary>For an escalation task: the overdue task it is about.</summary>
    public Guid? EscalationOf { get; set; }
    /// <summary>The person the task is assigned to or claimed by (their account's id); null while it is open to its whole role.</summary>
    public string? Assignee { get; set; }
    /// <summary>When it was last assigned, claimed or released.</summary>
    public DateTime? AssignedAt { get; set; }
    /// <summary>The day to start by (a follow-up date beside the due date); by default the day the role is warned.</summary>
    public DateOnly? StartBy { get; set; }
    public TaskPriority Priority { get; set; }
    /// <summary>Bumped by every change, so two writers never both apply a change read from the same task.</summary>
    public int Revision { get; set; }
}
