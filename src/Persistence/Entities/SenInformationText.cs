namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// What the SENCo wrote for one section of the school's SEN information report (SEND Code of Practice 6.79-6.83) in a
/// year. A year without its own text for a section shows the latest earlier year's, so the report is kept from year to
/// year and only what changed is written again.
/// </summary>
public sealed class SenInformationText
{
    public Guid Id { get; set; }
    public string SchoolId { get; set; } = "";
    /// <summary>"2026-27".</summary>
    public string AcademicYear { get; set; } = "";
    /// <summary>The section's id in the report ("kinds-of-sen").</summary>
    public string SectionId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
}
