namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// An exception to the statutory time limits (regs 5(4), 10(4), 13(3)) recorded by an LA officer on an assessment.
/// Deadlines stay as the law sets them; reports count the case both with and without its exceptions.
/// </summary>
public sealed class StatutoryExceptionRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string BoroughId { get; set; } = "";
    public string PupilId { get; set; } = "";
    /// <summary>One of the kinds in SendWorkflow.Send.Statutory.ExceptionKinds (a project this one cannot reference).</summary>
    public string Kind { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}
