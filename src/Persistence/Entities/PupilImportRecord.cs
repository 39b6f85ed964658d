namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A CSV export of a school's MIS, read and stored as a preview so the SENCo can look before anything changes: the
/// file's good rows and bad rows (as JSON), then, once applied, what the import did. Special category data: never logged.
/// </summary>
public sealed class PupilImportRecord
{
    public Guid Id { get; set; }
    public string SchoolId { get; set; } = "";
    public string? FileName { get; set; }
    /// <summary>The MIS the columns look like: "SIMS", "Arbor", "Bromcom" or "MIS".</summary>
    public string Source { get; set; } = "";
    /// <summary>"previewed", then "applied".</summary>
    public string Status { get; set; } = "";
    /// <summary>The file as read: its columns, good rows and bad rows (JSON).</summary>
    public string Content { get; set; } = "";
    /// <summary>What applying it did (JSON), once applied.</summary>
    public string? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? AppliedAt { get; set; }
    public string? AppliedBy { get; set; }
    /// <summary>When the SENCo confirmed that the leavers' open work be closed.</summary>
    public DateTime? LeaversClosedAt { get; set; }
}
