namespace SendWorkflow.Persistence.Entities;

/// <summary>A school's level (1 to 4) against one descriptor of the self-review in a year, with its evidence.</summary>
public sealed class SelfReviewLevel
{
    public Guid Id { get; set; }
    public Guid SelfReviewId { get; set; }
    /// <summary>The descriptor's id in definitions/self-review.json ("achievement-1").</summary>
    public string DescriptorId { get; set; } = "";
    public int Level { get; set; }
    /// <summary>"How would I know that was happening?"</summary>
    public string? Evidence { get; set; }
}
