namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// One look at or change to a pupil's record, or one refused attempt: who, when, what, from where. Kept apart from
/// the application log, which never holds personal data.
/// </summary>
public sealed class AuditEntryRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The user's id; "bootstrap" for the administrator token; null when nobody was signed in.</summary>
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Role { get; set; }
    /// <summary>read, change, denied or rejected (credentials refused).</summary>
    public string Action { get; set; } = "";
    /// <summary>What was touched, e.g. "pupil", "instance", "task", "audit".</summary>
    public string Resource { get; set; } = "";
    public string? ResourceId { get; set; }
    public string? PupilId { get; set; }
    public string? SchoolId { get; set; }
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public int Status { get; set; }
    public string? RemoteAddress { get; set; }
}
