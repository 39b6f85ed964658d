namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// The SENCo's answer to one statement of the CPD audit (definitions/cpd-audit.json) for a school and year: a rating
/// and a comment, and whether it is one of the year's priorities, with its action, owner and due date. A year's
/// answers are replaced together when the SENCo saves the audit.
/// </summary>
public sealed class CpdAuditAnswer
{
    public Guid Id { get; set; }
    public string SchoolId { get; set; } = "";
    /// <summary>"2026-27".</summary>
    public string AcademicYear { get; set; } = "";
    /// <summary>The statement's id in the audit ("ta-1").</summary>
    public string StatementId { get; set; } = "";
    /// <summary>"not yet", "developing", "secure" or "outstanding"; null for a priority not rated.</summary>
    public string? Rating { get; set; }
    public string? Comment { get; set; }
    public bool IsPriority { get; set; }
    /// <summary>What the school will do about it; the action plan says "Develop: ..." when left out.</summary>
    public string? PriorityAction { get; set; }
    public string? PriorityOwner { get; set; }
    public DateOnly? PriorityDueOn { get; set; }
    public DateTime SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
}
