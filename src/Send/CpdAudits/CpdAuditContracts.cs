namespace SendWorkflow.Send.CpdAudits;

/// <summary>
/// A school's CPD audit for a year: every topic and statement with this year's rating and comment beside last year's,
/// the priorities the SENCo picked, and the training needs they make (the priorities' topics).
/// </summary>
/// <param name="Ratings">The ratings a statement may have, from "not yet" to "outstanding".</param>
/// <param name="SavedAt">When the year's audit was last saved; null when it has not been yet.</param>
public sealed record CpdAuditDto(
    string SchoolId, string AcademicYear, string LastYear, IReadOnlyList<string> Ratings, IReadOnlyList<CpdTopicDto> Topics,
    IReadOnlyList<CpdPriorityDto> Priorities, IReadOnlyList<string> TrainingNeeds, DateTimeOffset? SavedAt, string? SavedBy);

public sealed record CpdTopicDto(
    string Id, int Number, string Title, string Lead, IReadOnlyList<CpdStatementDto> Statements, IReadOnlyList<string> Challenges,
    IReadOnlyList<string> PointsToConsider);

public sealed record CpdStatementDto(
    string Id, string ShortText, string Text, string? Rating, string? Comment, string? LastYearRating, string? LastYearComment);

/// <param name="Topic">The statement's topic: a training need for the year.</param>
public sealed record CpdPriorityDto(string StatementId, string Topic, string Statement, string? Action, string? Owner, DateOnly? DueOn);

/// <summary>The year's whole audit: what is left out is no longer rated or a priority.</summary>
public sealed record SaveCpdAuditRequest(IReadOnlyList<CpdRatingInput?>? Ratings, IReadOnlyList<CpdPriorityInput?>? Priorities);

/// <param name="Rating">One of "not yet", "developing", "secure", "outstanding".</param>
public sealed record CpdRatingInput(string? StatementId, string? Rating, string? Comment);

/// <param name="Action">What the school will do; "Develop: " and the statement when left out.</param>
public sealed record CpdPriorityInput(string? StatementId, string? Action, string? Owner, DateOnly? DueOn);
