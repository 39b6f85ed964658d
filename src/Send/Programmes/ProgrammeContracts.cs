namespace SendWorkflow.Send.Programmes;

/// <param name="DefinitionId">A school's programme, e.g. "senco-monitoring".</param>
/// <param name="AcademicYear">"2026-27".</param>
public sealed record StartProgrammeRequest(string? DefinitionId, string? AcademicYear);

/// <summary>A school's programme for a year, with its workflow's state and how much of its work is open.</summary>
public sealed record ProgrammeDto(
    Guid Id, string SchoolId, string DefinitionId, string AcademicYear, Guid InstanceId, string State, string Status, int OpenTasks,
    DateTimeOffset StartedAt, string StartedBy);

/// <summary>Start a statutory school programme (the self-review) for one of the borough's schools, or (no schoolId) for all of them.</summary>
public sealed record StartBoroughProgrammeRequest(string? DefinitionId, string? AcademicYear, string? SchoolId);

/// <summary>What a borough's start did: the programmes started, and the schools whose year had already started.</summary>
public sealed record BoroughProgrammesDto(IReadOnlyList<ProgrammeDto> Started, IReadOnlyList<string> AlreadyStarted);
