namespace SendWorkflow.Workflows.Runtime;

/// <summary>Work the workflow gave a role; completing it may raise the event the workflow waits for.</summary>
public sealed class WorkTask
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string PupilId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    public string State { get; set; } = "";
    public string DefinitionTaskId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Role { get; set; } = "";
    public string Kind { get; set; } = "";
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
}
