namespace SendWorkflow.Send.Flow;

/// <summary>
/// The school's pupils at each stage of the pathway through the year, week by week, replayed from the journal's starts,
/// transitions and ends: a chart of counts, naming no pupil (governors see it).
/// </summary>
/// <param name="Stages">The stages in order; each week's <see cref="StagesWeek.Pupils"/> follows this order.</param>
public sealed record StagesThroughTheYearDto(
    string SchoolId, string DefinitionId, DateOnly From, DateOnly To, IReadOnlyList<StageName> Stages, IReadOnlyList<StagesWeek> Weeks);

public sealed record StageName(int Stage, string Name);

/// <param name="WeekStarting">The Monday the week starts.</param>
/// <param name="CountedOn">The day the pupils were counted at the end of: the week's Sunday, or today for this week.</param>
/// <param name="Pupils">Pupils at each stage, in the order of the stages.</param>
public sealed record StagesWeek(DateOnly WeekStarting, DateOnly CountedOn, IReadOnlyList<int> Pupils);

/// <summary>The borough's statutory timeliness month by month, as the compliance report counts each month.</summary>
public sealed record MonthlyComplianceDto(string BoroughId, DateOnly From, DateOnly To, IReadOnlyList<ComplianceMonth> Months);

/// <param name="Month">The month, "2026-09".</param>
/// <param name="DecisionsPercent">Decisions whether to assess made within 6 weeks of the request, in per cent; null when none were made.</param>
/// <param name="PlansPercent">New EHC plans issued within 20 weeks, in per cent (exception cases included); null when none were issued.</param>
/// <param name="PlansPercentExcludingExceptions">The same without the cases that had an exception, as the SEN2 return also counts it.</param>
public sealed record ComplianceMonth(
    string Month, DateOnly From, DateOnly To, int Decisions, int DecisionsWithinLimit, double? DecisionsPercent, int Plans,
    int PlansWithinLimit, double? PlansPercent, double? PlansPercentExcludingExceptions);
