namespace SendWorkflow.Persistence.Entities;

/// <summary>A school's programme for one academic year (e.g. the SENCo's monitoring schedule for 2026-27) and its instance.</summary>
public sealed class ProgrammeRecord
{
    public Guid Id { get; set; }
    public string SchoolId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    /// <summary>"2026-27": from 1 September 2026 to 31 August 2027.</summary>
    public string AcademicYear { get; set; } = "";
    public Guid InstanceId { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>Who started it; "rollover" when it was started on 1 September because the school ran it the year before.</summary>
    public string StartedBy { get; set; } = "";
}
