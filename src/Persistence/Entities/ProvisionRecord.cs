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
    /// <summary>How the provision is costed for the SEN outturn: "hourly" (staff time), "fixed", or null (not costed).</summary>
    public string? CostBasis { get; set; }
    /// <summary>Hours of staff time a week, for an hourly cost.</summary>
    public decimal? HoursPerWeek { get; set; }
    /// <summary>The staff's hourly rate in pence, for an hourly cost.</summary>
    public long? HourlyRatePence { get; set; }
    /// <summary>The cost per pupil in pence, for a fixed cost (it falls in the financial year the provision starts).</summary>
    public long? FixedCostPence { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
