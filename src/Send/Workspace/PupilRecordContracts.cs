namespace SendWorkflow.Send.Workspace;

/// <summary>
/// A provision to add or change. Its cost, for the SEN outturn, is given whole or not at all: <c>costBasis</c> "hourly"
/// with <c>hoursPerWeek</c> and <c>hourlyRate</c> (pounds), "fixed" with <c>fixedCost</c> (pounds, per pupil), or "none".
/// </summary>
public sealed record ProvisionRequest(
    string? Intervention, string? EntryCriteria, string? ExitCriteria, DateOnly? StartsOn, DateOnly? EndsOn, string? DeliveredBy, string? Impact,
    string? CostBasis = null, decimal? HoursPerWeek = null, decimal? HourlyRate = null, decimal? FixedCost = null);

public sealed record ProvisionDto(
    Guid Id, string PupilId, string Intervention, string EntryCriteria, string ExitCriteria, DateOnly StartsOn, DateOnly? EndsOn,
    string DeliveredBy, string? Impact, string? CostBasis = null, decimal? HoursPerWeek = null, decimal? HourlyRate = null,
    decimal? FixedCost = null);

public sealed record ChronologyLine(DateTimeOffset At, string Workflow, string Kind, string Detail, string? Who);

public sealed record DeadlineLine(DateOnly On, string What, string? Role, Guid? TaskId, bool Overdue);

public sealed record PupilRecordView(
    string PupilId, string Name, int YearGroup, string? ClassName, string? PrimaryNeed, string SchoolId,
    int? Stage, string? StageName, DateOnly? Since, string CensusCode, IReadOnlyList<string> Targets,
    IReadOnlyList<ProvisionDto> Provisions, IReadOnlyList<DeadlineLine> Upcoming, IReadOnlyList<ChronologyLine> Chronology,
    IReadOnlyList<(string Workflow, string State, Guid InstanceId)> Workflows)
{
    /// <summary>Whether the pupil is looked after (in care): the borough attends their annual reviews.</summary>
    public bool LookedAfter { get; init; }
}
