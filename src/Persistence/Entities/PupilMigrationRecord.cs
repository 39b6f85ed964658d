namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A move of running pupils from one version of a definition to another, as applied: the state map, who started it, and
/// whether it is still running. Each pupil's progress is a <see cref="PupilMigrationItem"/>, so an interrupted move resumes
/// where it stopped.
/// </summary>
public sealed class PupilMigrationRecord
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int FromVersion { get; set; }
    public int ToVersion { get; set; }
    /// <summary>The variant of the target version (whose people may move its pupils).</summary>
    public string Scope { get; set; } = "";
    /// <summary>The state map as JSON: every state of the old version pupils may be in, to a state of the new one.</summary>
    public string StateMap { get; set; } = "";
    /// <summary>running, done or failed; at most one running move per (definition, from version).</summary>
    public string Status { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>The member of staff's account, to check a resume against.</summary>
    public string? CreatedById { get; set; }
    public DateTime? FinishedAt { get; set; }
}
