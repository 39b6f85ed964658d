namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A mediation certificate issued to a family about one appealable decision of a statutory case: the family may then
/// appeal until a month after it, if that is later than two months after the decision letter.
/// </summary>
public sealed class MediationCertificate
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>The decision it is about, by the milestone that dates it (e.g. "final-plan").</summary>
    public string Decision { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}
