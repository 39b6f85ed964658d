namespace SendWorkflow.Send.Reports.SenInformation;

/// <summary>
/// A section of the SEN information report, as SEND Code of Practice 6.79 and schedule 1 of the SEN and Disability
/// Regulations 2014 list them: its title, a note for the SENCo on what it should say, and which of the school's figures
/// it carries (none for a section that is the SENCo's text only).
/// </summary>
public sealed record SenInformationSection(
    string Id, string Title, string Guidance, SenInformationFigureKind Figures = SenInformationFigureKind.None);

/// <summary>The figures a section carries, filled from the school's data.</summary>
public enum SenInformationFigureKind
{
    None,
    PupilsByNeed,
    PupilsByStage,
    ParentMeetings,
    Provision,
    TrainingNeeds,
}
