namespace SendWorkflow.Send.Reports.SenInformation;

/// <summary>
/// A school's SEN information report for a year, as a draft: the Code's sections in order, each with the figures from the
/// school's data it carries and the text the SENCo wrote (this year's, or the latest earlier year's until it is changed).
/// Figures only: no pupil is named.
/// </summary>
/// <param name="AsAt">The day the figures were read: pupils and stages are the register on that day.</param>
public sealed record SenInformationReportDto(
    string SchoolId, string SchoolName, string AcademicYear, DateOnly AsAt, SenInformationFigures Figures,
    IReadOnlyList<SenInformationSectionDto> Sections);

/// <param name="Text">What the SENCo wrote; null when nothing has been written yet.</param>
/// <param name="TextYear">The year the text was written in: an earlier year's when it was carried over unchanged.</param>
public sealed record SenInformationSectionDto(
    string Id, int Number, string Title, string Guidance, string? Text, string? TextYear, DateTimeOffset? SavedAt, string? SavedBy,
    IReadOnlyList<FigureTable> Figures);

/// <summary>A small table of figures, for the page, the HTML and the PDF alike.</summary>
public sealed record FigureTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <param name="OnRegister">Pupils on the SEN register: SEN support (stages 3 and 4), assessment (5) and EHC plans (6).</param>
/// <param name="Monitored">Pupils at stages 1 and 2: a concern being looked into, not on the register.</param>
/// <param name="ByNeed">Pupils on the register by primary need.</param>
/// <param name="Provision">The interventions running in the year and how many pupils each reaches.</param>
/// <param name="TrainingNeeds">The year's training needs from the SENCo's CPD audit.</param>
/// <param name="ParentMeetings">Meetings with parents held in the year.</param>
/// <param name="PupilsWhoseParentsWereMet">Pupils whose parents were met at least once in the year.</param>
public sealed record SenInformationFigures(
    int OnRegister, int Monitored, IReadOnlyList<NeedCount> ByNeed, IReadOnlyList<StageCount> ByStage, IReadOnlyList<ProvisionCount> Provision,
    IReadOnlyList<string> TrainingNeeds, int ParentMeetings, int PupilsWhoseParentsWereMet);

/// <param name="Code">The census code ("SLCN"); null for pupils whose need is not recorded yet.</param>
public sealed record NeedCount(string? Code, string Need, int Pupils);

/// <param name="Stages">The pathway's stages counted, e.g. "3-4".</param>
public sealed record StageCount(string Group, string Stages, int Pupils);

public sealed record ProvisionCount(string Provision, int Pupils);

/// <param name="Text">The section's text, at most 8000 characters; empty clears it for this year.</param>
public sealed record SaveSenInformationTextRequest(string? Text);

/// <summary>The report as a file to download or publish.</summary>
public sealed record SenInformationFile(string FileName, string ContentType, byte[] Content);
