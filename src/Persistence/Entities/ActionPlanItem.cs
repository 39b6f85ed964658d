namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// One action of a school's SEN action plan for a year: an area for development, what will be done, by whom and when,
/// how far it has got and the evidence. Actions arrive from the monitoring programme's activities, the SENCo's CPD audit
/// and reviews, or are added by hand.
/// </summary>
public sealed class ActionPlanItem
{
    public Guid Id { get; set; }
    public string SchoolId { get; set; } = "";
    /// <summary>"2026-27".</summary>
    public string AcademicYear { get; set; } = "";
    /// <summary>The priority or area it develops, e.g. the monitoring activity it came from.</summary>
    public string Area { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>Who will do it: a role or a person, as the school writes it.</summary>
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>One of <see cref="ActionStatuses"/>.</summary>
    public string Status { get; set; } = ActionStatuses.ToDo;
    public string? Evidence { get; set; }
    /// <summary>Where it came from: "monitoring", "cpd-audit", "review" or "added".</summary>
    public string Source { get; set; } = "";
    /// <summary>What it came from, unique in the school (e.g. "journal:123:0"), so an action is never added twice; null when added by hand.</summary>
    public string? SourceKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

public static class ActionStatuses
{
    public const string ToDo = "to do";
    public const string InProgress = "in progress";
    public const string Done = "done";
    public const string Dropped = "dropped";

    public static readonly IReadOnlyList<string> All = [ToDo, InProgress, Done, Dropped];
}
