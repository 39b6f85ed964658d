namespace SendWorkflow.Send.Statutory;

/// <summary>
/// A family's window to appeal one decision of a statutory case. <paramref name="Decision"/> is the milestone that dates
/// it (e.g. "final-plan"), <paramref name="Open"/> whether today is on or before <paramref name="AppealBy"/>.
/// </summary>
public sealed record AppealWindowDto(
    Guid InstanceId, string PupilId, string Decision, string Words, DateOnly LetterOn, DateOnly? MediationCertificateOn, DateOnly AppealBy,
    bool Open, int DaysLeft);

/// <summary>An appeal window across the borough, with whose case it is (the LA officer's own borough's pupils).</summary>
public sealed record BoroughAppealWindowDto(AppealWindowDto Window, string PupilName, string SchoolId);

public sealed record RecordMediationCertificateRequest(string? Decision, DateOnly? IssuedOn, string? RecordedBy);
