using SendWorkflow.Send.SelfReviews;

namespace SendWorkflow.Send.Overview;

/// <summary>
/// What the LA officer sees first (issue 14, point 5): the borough's headline figures and one row per school with its
/// self-review, SEN audit, annual reviews and SEN funding. Figures only: no pupil is named.
/// </summary>
/// <param name="AcademicYear">The school year of the self-reviews ("2026-27").</param>
/// <param name="FinancialYear">The financial year of the funding ("2026-27", 1 April to 31 March).</param>
/// <param name="Dimensions">The self-review's dimensions, in the order each school's levels list them.</param>
public sealed record BoroughOverviewDto(
    string BoroughId, string BoroughName, DateOnly Today, string AcademicYear, string FinancialYear, OverviewHeadlines Headlines,
    IReadOnlyList<OverviewDimension> Dimensions, IReadOnlyList<SchoolOverviewRow> Schools);

/// <summary>The borough's headline figures, each with the Studio page that lists them.</summary>
/// <param name="AssessmentsPastALimit">Open assessments that have passed at least one statutory time limit.</param>
/// <param name="AuditsOverdue">Schools whose SEN audit is overdue (two years since the last, none under way).</param>
public sealed record OverviewHeadlines(
    int Schools, int OpenAssessments, int AssessmentsPastALimit, int AnnualReviewsDue, int AnnualReviewsLate, int AuditsOverdue,
    decimal Allocation, decimal Spent);

public sealed record OverviewDimension(string Id, int Number, string Title);

/// <summary>One school of the borough on the landing page.</summary>
/// <param name="SelfReviewLevel">The mean of this year's dimension levels (1 to 4), null if the school has none yet.</param>
/// <param name="SelfReviewChange">This year's overall level less last year's, null unless both are there.</param>
/// <param name="Levels">This year's and last year's level per dimension, in the order of the overview's dimensions.</param>
/// <param name="AnnualReviewsDue">Reviews whose meeting is not held yet (late ones included).</param>
/// <param name="Spent">What the outturn says was spent this financial year; null until the outturn is sent.</param>
public sealed record SchoolOverviewRow(
    string SchoolId, string Name, string? Phase, double? SelfReviewLevel, double? SelfReviewLastYear, double? SelfReviewChange,
    IReadOnlyList<DimensionLevelsSummary> Levels, int OpenAssessments, DateOnly? LastAuditOn, DateOnly NextAuditDueOn, bool AuditOverdue,
    string? AuditStatus, int Plans, int AnnualReviewsDue, int AnnualReviewsLate, decimal? Allocation, decimal? Planned, decimal? Spent,
    decimal? Balance, string FundingStatus);
