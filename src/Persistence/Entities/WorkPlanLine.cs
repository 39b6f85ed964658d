namespace SendWorkflow.Persistence.Entities;

/// <summary>A line of the agreed work plan: an area for improvement, the action, its owner and date, and its review.</summary>
public sealed class WorkPlanLine
{
    public Guid Id { get; set; }
    public Guid SelfReviewId { get; set; }
    public int Number { get; set; }
    public string? DimensionId { get; set; }
    public string Area { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>At the June or July review: "done", "partly done", "not done" or "carried forward"; null before it.</summary>
    public string? ReviewStatus { get; set; }
    public string? ReviewNotes { get; set; }
}
