namespace SendWorkflow.Send.SenAudits;

/// <summary>Schedules a school's audit; the day and the team may follow (<see cref="AuditTeamRequest"/>).</summary>
/// <param name="AuditOn">A school day in term, today or later.</param>
/// <param name="OfficerId">The team's LA officer (a staff account's id), of the school's borough.</param>
/// <param name="VisitingSencoId">The SENCo of another school of the same borough.</param>
public sealed record ScheduleAuditRequest(string? SchoolId, DateOnly? AuditOn, string? OfficerId, string? VisitingSencoId);

/// <summary>Fixes (or moves) the audit's day and its team, before the day.</summary>
public sealed record AuditTeamRequest(DateOnly? AuditOn, string? OfficerId, string? VisitingSencoId);

/// <summary>What the team said at the end of the audit day, and its notes on the provision and the SEN budget.</summary>
public sealed record AuditFeedbackRequest(string? VerbalFeedback, string? ProvisionNotes, string? BudgetNotes);

/// <summary>The written report: its findings and suggested actions (they go into the school's action plan).</summary>
public sealed record AuditReportRequest(string? Findings, IReadOnlyList<SuggestedActionRequest>? Actions);

public sealed record SuggestedActionRequest(string? Area, string? Action, string? Owner, DateOnly? DueOn);

public sealed record SuggestedAction(string Area, string Action, string? Owner, DateOnly? DueOn);

/// <summary>A member of the audit team.</summary>
public sealed record AuditMemberDto(string Id, string Name, string? SchoolId);

/// <summary>A pupil drawn for the audit, with the stage they were at when drawn.</summary>
public sealed record AuditPupilDto(string PupilId, string Name, string State, int? Stage, string StageName);

/// <summary>An open task of the audit's workflow.</summary>
public sealed record AuditTaskDto(Guid Id, string Title, string Role, DateOnly DueOn);

/// <summary>
/// One audit as its reader may see it. The drawn pupils are listed for the borough's officers and the school's leaders; for
/// the visiting SENCo on the audit day only (<see cref="SampleHidden"/> otherwise).
/// </summary>
public sealed record SenAuditDto(
    Guid Id, string BoroughId, string SchoolId, string SchoolName, string Status, string State, Guid InstanceId, string ScheduledHow,
    DateOnly? AuditOn, AuditMemberDto? Officer, AuditMemberDto? VisitingSenco, int Seed, DateTimeOffset? DrawnAt, string? DrawnBy,
    IReadOnlyList<AuditPupilDto> Sample, bool SampleHidden, IReadOnlyList<string> SampleWarnings,
    string? VerbalFeedback, string? ProvisionNotes, string? BudgetNotes, DateTimeOffset? FeedbackAt, string? FeedbackBy,
    string? Findings, IReadOnlyList<SuggestedAction> Actions, DateOnly? ReportedOn, string? ReportedBy, IReadOnlyList<AuditTaskDto> OpenTasks);

/// <summary>
/// A school's audits at a glance, for the borough (the LA landing page): the last audit held, when the next is due (two
/// years after it, or after the school joined the service if it has none), and the current audit's status.
/// </summary>
public sealed record SchoolAuditSummary(
    string SchoolId, string SchoolName, DateOnly? LastAuditOn, DateOnly NextDueOn, bool Overdue, Guid? CurrentAuditId, string? Status,
    DateOnly? CurrentAuditOn);

/// <summary>The borough's audits: every school's summary, and the audits themselves, the latest first.</summary>
public sealed record BoroughAuditsDto(string BoroughId, IReadOnlyList<SchoolAuditSummary> Schools, IReadOnlyList<SenAuditDto> Audits);

/// <summary>Who may be on the borough's audit teams: its LA officers, and its schools' SENCos (never the audited school's own).</summary>
public sealed record TeamCandidatesDto(IReadOnlyList<AuditMemberDto> Officers, IReadOnlyList<AuditMemberDto> Sencos);
