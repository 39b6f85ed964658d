namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// One SEN audit of a school by its borough (seed 001, "SEN Audit", at least every two years): the day, the team (an LA
/// officer and the SENCo of another school of the borough), the pupils drawn for the team to examine, the verbal feedback
/// at the end of the day, and the written report with its suggested actions. Its tasks run in the school's sen-audit
/// workflow (<see cref="InstanceId"/>).
/// </summary>
public sealed class SenAuditRecord
{
    public Guid Id { get; set; }
    public string BoroughId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    /// <summary>One of <see cref="SenAuditStatuses"/>.</summary>
    public string Status { get; set; } = SenAuditStatuses.ToSchedule;
    /// <summary>The school's sen-audit workflow: its tasks (prepare, the day, the report, the response, the follow-up).</summary>
    public Guid InstanceId { get; set; }
    /// <summary>"automatic" (the daily round: the school's last audit is two years old) or "by hand".</summary>
    public string ScheduledHow { get; set; } = "";
    /// <summary>The audit day, a school day of the borough's term dates; null until it is fixed.</summary>
    public DateOnly? AuditOn { get; set; }
    /// <summary>The team's LA officer (a staff account's id).</summary>
    public string? OfficerId { get; set; }
    /// <summary>The team's visiting SENCo: a SENCo of another school of the same borough.</summary>
    public string? VisitingSencoId { get; set; }
    /// <summary>The seed of the sample's draw, derived from the audit's id and recorded: the same seed draws the same pupils.</summary>
    public int Seed { get; set; }
    public DateTime? DrawnAt { get; set; }
    public string? DrawnBy { get; set; }
    /// <summary>What the draw could not do (fewer than two pupils at a stage), in words; null when it drew four.</summary>
    public string? SampleWarnings { get; set; }
    public string? VerbalFeedback { get; set; }
    /// <summary>The team's notes on the school's list of provision at each stage.</summary>
    public string? ProvisionNotes { get; set; }
    /// <summary>The team's notes on how the school's SEN budget is spent.</summary>
    public string? BudgetNotes { get; set; }
    public DateTime? FeedbackAt { get; set; }
    public string? FeedbackBy { get; set; }
    public string? Findings { get; set; }
    /// <summary>The report's suggested actions as JSON: <c>[{"area":"...","action":"...","owner":"...","dueOn":"2027-03-01"}]</c>.</summary>
    public string ReportActions { get; set; } = "[]";
    public DateOnly? ReportedOn { get; set; }
    public string? ReportedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

public static class SenAuditStatuses
{
    /// <summary>Scheduled for the school, its day and team not yet fixed.</summary>
    public const string ToSchedule = "to schedule";
    public const string Scheduled = "scheduled";
    /// <summary>The day was held and its verbal feedback recorded; the written report is due.</summary>
    public const string FeedbackGiven = "feedback given";
    /// <summary>The written report was issued; the follow-up visit comes in the autumn term.</summary>
    public const string Reported = "reported";
    public const string FollowedUp = "followed up";

    public static readonly IReadOnlyList<string> All = [ToSchedule, Scheduled, FeedbackGiven, Reported, FollowedUp];

    /// <summary>Statuses of an audit still to be held.</summary>
    public static readonly IReadOnlyList<string> Pending = [ToSchedule, Scheduled];
}
