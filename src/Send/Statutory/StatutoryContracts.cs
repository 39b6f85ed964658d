namespace SendWorkflow.Send.Statutory;

public sealed record RecordExceptionRequest(string? Kind, DateOnly? StartsOn, DateOnly? EndsOn, string? Note, string? RecordedBy);

public sealed record StatutoryExceptionDto(
    Guid Id, Guid InstanceId, string Kind, string Meaning, DateOnly StartsOn, DateOnly EndsOn, string? Note, string RecordedBy, DateTime RecordedAt);

/// <summary>An assessment still running, as the LA officer's list shows it.</summary>
public sealed record OpenAssessmentDto(
    Guid InstanceId, string PupilId, string PupilName, string SchoolId, string State, string StateName,
    DateOnly RequestedOn, int WeeksElapsed, NextDeadlineDto? NextDeadline, IReadOnlyList<string> LimitsPassed, int Exceptions)
{
    /// <summary>A re-assessment of a pupil who has a plan (reg 27: the final plan within 14 weeks), not a first assessment.</summary>
    public bool Reassessment { get; init; }
}

public sealed record NextDeadlineDto(string Timer, DateOnly DueOn, string? Description);

/// <summary>One timeliness measure: how many in the period, how many within the limit, with and without exception cases.</summary>
public sealed record TimelinessDto(
    string Measure, string Limit, int Total, int WithinLimit, double? Percent,
    int TotalExcludingExceptions, int WithinLimitExcludingExceptions, double? PercentExcludingExceptions);

public sealed record BoroughComplianceDto(
    string BoroughId, string BoroughName, DateOnly From, DateOnly To, int RequestsReceived, int CasesWithExceptions,
    TimelinessDto DecisionsToAssess, TimelinessDto NewPlans, TimelinessDto AnnualReviewDecisions);
