namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// One version of a borough's timelines: parameter values per definition that override the defaults. Versions are
/// never changed; the newest is in force. Who changed what, and why, stays with each version.
/// </summary>
public sealed class BoroughParametersRecord
{
    public string BoroughId { get; set; } = "";
    public int Version { get; set; }
    /// <summary>{ "definitionId": { "parameter": value } } as JSON.</summary>
    public string Json { get; set; } = "{}";
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string? Note { get; set; }
    /// <summary>What changed from the previous version, in words.</summary>
    public string Changes { get; set; } = "";
}
