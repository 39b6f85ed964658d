namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// One line of a pupil's individual provision map: an intervention with its entry and exit criteria, when it runs,
/// who delivers it, and its impact as judged at review.
/// </summary>
public sealed class ProvisionRecord
{
    public Guid Id { get; set; }
    public string PupilId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    public string Intervention { get; set; } = "";
    public string EntryCriteria { get; set; } = "";
    public string ExitCriteria { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string DeliveredBy { get; set; } = "";
    public string? Impact { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
