namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A school's annual self-review of its SEN and inclusion work for one academic year (seed 001): the SEN audit's figures,
/// the critical-friend meeting with the educational psychologist, and the June or July review of the agreed work plan.
/// The levels per descriptor, the dimensions' notes and the work plan's lines are rows of their own.
/// </summary>
public sealed class SelfReviewRecord
{
    public Guid Id { get; set; }
    public string SchoolId { get; set; } = "";
    /// <summary>"2026-27".</summary>
    public string AcademicYear { get; set; } = "";
    /// <summary>
    /// The SEN audit's figures as the school confirmed or corrected them, as JSON
    /// (<c>{"onRoll":210,"byStage":{"1":3,...},"senSupport":20,"ehcPlans":4,"byPrimaryNeed":{"ASD":5}}</c>); null until saved.
    /// </summary>
    public string? Figures { get; set; }
    public DateTime SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
    /// <summary>When the school said its self-review was complete (the September task done).</summary>
    public DateTime? CompletedAt { get; set; }
    public DateOnly? MeetingOn { get; set; }
    public string? MeetingBy { get; set; }
    public string? MeetingAttendees { get; set; }
    public DateOnly? WorkPlanAgreedOn { get; set; }
    public string? WorkPlanAgreedBy { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>What the June or July review concluded, in a few lines.</summary>
    public string? ReviewSummary { get; set; }
}
