namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A pupil drawn for an SEN audit, with the stage they were at when drawn: the audit team may read this pupil's record on
/// the audit day only.
/// </summary>
public sealed class SenAuditSample
{
    public Guid AuditId { get; set; }
    public string PupilId { get; set; } = "";
    /// <summary>The pathway state at the draw ("sen-support" or "sen-support-agencies").</summary>
    public string State { get; set; } = "";
    public int? Stage { get; set; }
    /// <summary>The order of the draw, from 0.</summary>
    public int Position { get; set; }
}
