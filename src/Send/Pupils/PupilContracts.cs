namespace SendWorkflow.Send.Pupils;

public sealed record CreateBoroughRequest(string? Id, string? Name, string? CalendarId);

/// <param name="Phase">The school's phase (nursery, infant, first, junior, middle, primary, secondary, all-through, special, post-16).</param>
public sealed record CreateSchoolRequest(string? Id, string? Name, string? BoroughId, string? Phase = null);

/// <summary>A school's name and phase; what is left out stays as it is.</summary>
public sealed record UpdateSchoolRequest(string? Name, string? Phase);

public sealed record CreatePupilRequest(
    string? Id, string? Name, DateOnly? DateOfBirth, string? SchoolId, int? YearGroup, string? ClassName = null, string? PrimaryNeed = null);

/// <param name="LookedAfter">Whether the pupil is looked after (in care); left out, it stays as it is.</param>
public sealed record UpdatePupilRequest(string? Name, int? YearGroup, string? ClassName, string? PrimaryNeed, bool? LookedAfter = null);

public sealed record BoroughDto(string Id, string Name, string CalendarId)
{
    public static BoroughDto Of(Borough b) => new(b.Id, b.Name, b.CalendarId);
}

public sealed record SchoolDto(string Id, string Name, string BoroughId, string? Phase = null)
{
    public static SchoolDto Of(School s) => new(s.Id, s.Name, s.BoroughId, s.Phase);
}

/// <summary>A pupil; the UPN, preferred name, SEN status and admission and leaving dates come from the school's MIS.</summary>
public sealed record PupilDto(string Id, string Name, DateOnly DateOfBirth, string SchoolId, int YearGroup, string? ClassName, string? PrimaryNeed,
    string? Upn, string? PreferredName, string? SenStatus, DateOnly? AdmittedOn, DateOnly? LeftOn, bool LookedAfter)
{
    public static PupilDto Of(Pupil p) => new(p.Id, p.Name, p.DateOfBirth, p.SchoolId, p.YearGroup, p.ClassName, p.PrimaryNeed, p.Upn,
        p.PreferredName, p.SenStatus, p.AdmittedOn, p.LeftOn, p.LookedAfter);
}
