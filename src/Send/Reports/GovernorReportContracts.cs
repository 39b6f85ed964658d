namespace SendWorkflow.Send.Reports;

/// <summary>
/// The SEN governor's termly report: figures only, so that a governor may read it. Nothing in it names or identifies a
/// pupil. Counts "at the start" are as the term began; counts "at the end" are as it ended, or as of today while it runs.
/// </summary>
public sealed record GovernorReportDto(
    string SchoolId, string SchoolName, string AcademicYear, string Term, DateOnly From, DateOnly To, DateOnly AsOf,
    IReadOnlyList<StageCount> PupilsByStage, IReadOnlyList<NeedCount> PupilsByNeed, IReadOnlyList<StageProgress> ProgressByStage,
    IReadOnlyList<StageScores> TargetScoresByStage,
    ProvisionSummary Provision, ReviewTimeliness Reviews, int ParentMeetingsHeld, EhcCases EhcCases, ProgrammeActivities Programme,
    IReadOnlyList<StatusCount> ActionPlan);

/// <summary>Pupils on the pathway at one stage as the term began and at its end.</summary>
public sealed record StageCount(int Stage, string Name, int AtStart, int AtEnd);

/// <summary>Pupils on the pathway with one primary need (the census code; "not recorded" when unknown).</summary>
public sealed record NeedCount(string Need, int AtStart, int AtEnd);

/// <summary>The reviews recorded in the term at one stage, by the progress they found.</summary>
public sealed record StageProgress(int Stage, string Name, int None, int Little, int Expected, int Good)
{
    public int Total => None + Little + Expected + Good;
}

/// <summary>
/// The target scores given at reviews in the term at one stage: how many of each score from -2 to +2 (in that order),
/// and their mean (none when no target was scored).
/// </summary>
public sealed record StageScores(int Stage, string Name, IReadOnlyList<int> Counts, double? Mean)
{
    public int Total => Counts.Sum();
}

/// <summary>
/// Provision in place in the term, by intervention, and how many of those provisions carry a cost on the costed provision
/// map (staff time or a fixed cost, from which the school's SEN outturn fills).
/// </summary>
public sealed record ProvisionSummary(int InPlace, int Costed, IReadOnlyList<InterventionCount> ByIntervention)
{
    /// <summary>What the report says of the provision's cost.</summary>
    public string CostSentence => Costed == 0
        ? "None of them has a cost on the provision map yet."
        : $"{Costed} of them {(Costed == 1 ? "has its" : "have their")} cost on the provision map, from which the school's SEN outturn fills.";
}

public sealed record InterventionCount(string Intervention, int Count);

/// <summary>
/// The review tasks due in the term: done by their due day, done after it, still open past it, and not yet due.
/// </summary>
public sealed record ReviewTimeliness(int Due, int OnTime, int Late, int Overdue, int NotYetDue);

/// <summary>The school's EHC needs assessments still open today, against the 20-week limit for a final plan.</summary>
public sealed record EhcCases(int Open, int WithinTwentyWeeks, int OverTwentyWeeks, int PastAStatutoryLimit);

/// <summary>The monitoring programme's activities due by the term's end: done and outstanding, and this term's list.</summary>
public sealed record ProgrammeActivities(bool Running, int Done, int Outstanding, IReadOnlyList<ProgrammeActivity> ThisTerm);

public sealed record ProgrammeActivity(string Title, string Role, DateOnly DueOn, bool Done);

/// <summary>The year's action plan: how many actions have each status.</summary>
public sealed record StatusCount(string Status, int Count);

/// <summary>The report as a PDF to download.</summary>
public sealed record GovernorReportFile(string FileName, byte[] Pdf);
