namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// One SMART target on a pupil's individual provision map: what the pupil is to achieve and how staff will know,
/// when it was set, and whether it is still worked on. Its scores are given at each review and kept in the journal
/// with the review that gave them.
/// </summary>
public sealed class IpmTarget
{
    public Guid Id { get; set; }
    public string PupilId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    public string Text { get; set; } = "";
    public string SuccessCriteria { get; set; } = "";
    public DateOnly SetOn { get; set; }

    /// <summary><c>open</c>, <c>achieved</c> or <c>stopped</c>.</summary>
    public string Status { get; set; } = "open";

    public DateOnly? ClosedOn { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
