namespace SendWorkflow.Send.SelfReviews;

/// <summary>
/// The borough's view of its schools' self-reviews: each school's level per dimension year by year with the change from
/// last year, and the numbers and levels of SEN at school and borough level.
/// </summary>
public sealed record BoroughSelfReviewsDto(
    string BoroughId, string AcademicYear, IReadOnlyList<string> Years, IReadOnlyList<DimensionHeaderDto> Dimensions,
    IReadOnlyList<SchoolSelfReviewRowDto> Schools, IReadOnlyList<BoroughFiguresDto> Borough);

public sealed record DimensionHeaderDto(string Id, int Number, string Title);

/// <param name="State">Where the year's self-review workflow stands ("self-review", "critical-friend", ...); null if not started.</param>
public sealed record SchoolSelfReviewRowDto(
    string SchoolId, string Name, string? EducationalPsychologist, string? State, IReadOnlyList<DimensionTrendDto> Dimensions,
    IReadOnlyList<SchoolFiguresDto> Figures);

/// <param name="Levels">The dimension's level in each of the view's years (null where there was none), oldest first.</param>
/// <param name="Change">This year's level less last year's; null unless both are there.</param>
public sealed record DimensionTrendDto(string DimensionId, IReadOnlyList<double?> Levels, double? Change);

/// <param name="Saved">Whether the school saved the figures; false: the register's today (this year only).</param>
public sealed record SchoolFiguresDto(string AcademicYear, SenFigures Figures, bool Saved);

/// <summary>The borough's totals for a year over the schools that have figures for it.</summary>
public sealed record BoroughFiguresDto(string AcademicYear, int Schools, SenFigures Figures);

/// <summary>A school's level per dimension this year and last, for the LA's landing page.</summary>
public sealed record SchoolLevelsSummary(string SchoolId, string Name, IReadOnlyList<DimensionLevelsSummary> Dimensions);

public sealed record DimensionLevelsSummary(string DimensionId, int Number, string Title, double? ThisYear, double? LastYear);

/// <summary>A school of the borough and its educational psychologist, if one is assigned.</summary>
public sealed record EpAssignmentDto(string SchoolId, string SchoolName, string? UserId, string? DisplayName, DateTimeOffset? AssignedAt);

public sealed record AssignEpRequest(string? UserId);
