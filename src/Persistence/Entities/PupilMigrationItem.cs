namespace SendWorkflow.Persistence.Entities;

/// <summary>One instance of a <see cref="PupilMigrationRecord"/>: pending until it is moved, skipped (with the reason) or failed.</summary>
public sealed class PupilMigrationItem
{
    public Guid MigrationId { get; set; }
    public Guid InstanceId { get; set; }
    public string SubjectId { get; set; } = "";
    public string SchoolId { get; set; } = "";
    /// <summary>The state the pupil was seen in when the move was asked for (the preview's): moved on since, they are skipped.</summary>
    public string ExpectedState { get; set; } = "";
    /// <summary>The order pupils are moved in, from 0.</summary>
    public int Position { get; set; }
    /// <summary>pending, moved, skipped or failed.</summary>
    public string Status { get; set; } = "";
    public string? StateAfter { get; set; }
    public string? Reason { get; set; }
    public DateTime? DoneAt { get; set; }
}
