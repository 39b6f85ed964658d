namespace SendWorkflow.Send.ActionPlans;

/// <summary>An action to add from something the school did (a monitoring activity's follow-up, a CPD audit priority).</summary>
public sealed record NewAction(string Area, string Action, string? Owner = null, DateOnly? DueOn = null);

public sealed record ActionItemDto(
    Guid Id, string AcademicYear, string Area, string Action, string? Owner, DateOnly? DueOn, string Status, string? Evidence,
    string Source, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>The year's plan beside last year's, as the summer review reads them.</summary>
public sealed record ActionPlanDto(
    string SchoolId, string AcademicYear, IReadOnlyList<ActionItemDto> Items, string LastYear, IReadOnlyList<ActionItemDto> LastYearItems);

/// <param name="AcademicYear">"2026-27"; the current school year when left out.</param>
public sealed record AddActionRequest(string? AcademicYear, string? Area, string? Action, string? Owner, DateOnly? DueOn);

/// <summary>What to change; what is left out stays as it is.</summary>
public sealed record UpdateActionRequest(string? Status, string? Evidence, string? Owner, DateOnly? DueOn, string? Action);
