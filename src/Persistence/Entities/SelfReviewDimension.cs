namespace SendWorkflow.Persistence.Entities;

/// <summary>One of the ten dimensions in a school's year: whether the school chose it for discussion, and the EP's notes on it.</summary>
public sealed class SelfReviewDimension
{
    public Guid Id { get; set; }
    public Guid SelfReviewId { get; set; }
    public string DimensionId { get; set; } = "";
    public bool ForDiscussion { get; set; }
    /// <summary>"What else could we do to improve by one point?", from the critical-friend meeting.</summary>
    public string? ImproveNotes { get; set; }
}
