namespace SendWorkflow.Workflows.Runtime;

/// <summary>
/// A durable timer: the row is the truth. Written in the transaction that enters its state, cancelled with
/// the state, fired once.
/// </summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string State { get; set; } = "";
    public string TimerId { get; set; } = "";
    public DateTime DueAt { get; set; }
    public string Raises { get; set; } = "";
    public TimerStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FiredAt { get; set; }
}
