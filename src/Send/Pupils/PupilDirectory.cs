using SendWorkflow.Send.Calendars;

namespace SendWorkflow.Send.Pupils;

/// <summary>
/// Boroughs, schools and pupils: the places the workflows run in and the children they are about. An administrator
/// adds boroughs and schools; a school's SENCo or headteacher adds and keeps its pupils. A borough or school is seen by
/// its own people (404 to anyone else), a pupil within the access policy, every look at a pupil audited.
/// </summary>
public sealed class PupilDirectory(IDbContextFactory<SendWorkflowDbContext> factory, CalendarRegistry calendars, AccessGuard guard,
    TimeProvider time, YearGroups yearGroups)
{
    public async Task<BoroughDto> CreateBoroughAsync(Caller caller, CreateBoroughRequest body, string defaultCalendar, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "create boroughs", Capabilities.Of(Capabilities.Administer));
        var calendarId = body.CalendarId ?? defaultCalendar;
        new ProblemCollector()
            .Require(body.Id, "id", 100).Id(body.Id, "id")
            .Name(body.Name, "name")
            .Check(calendars.Exists(calendarId), "calendarId",
                $"There is no term calendar '{calendarId}' (known: {string.Join(", ", calendars.CalendarIds)}).")
            .ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Boroughs.AnyAsync(b => b.Id == body.Id, ct)) throw new ConflictException($"Borough '{body.Id}' already exists.");
        var row = new Borough { Id = body.Id!, Name = body.Name!.Trim(), CalendarId = calendarId, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Boroughs.Add(row);
        await db.SaveChangesAsync(ct);
        calendars.Assign(row.Id, calendarId);
        return BoroughDto.Of(row);
    }

    /// <summary>The borough, for its LA officers, the staff of its schools and an administrator; 404 for anyone else.</summary>
    public async Task<BoroughDto> GetBoroughAsync(Caller caller, string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var borough = await db.Boroughs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        var ownSchoolIsIn = caller.SchoolId is { } school && await db.Schools.AnyAsync(s => s.Id == school && s.BoroughId == id, ct);
        if (borough is not null && (caller.IsAdministrator || caller.BoroughId == id || ownSchoolIsIn)) return BoroughDto.Of(borough);
        await guard.AuditAsync(caller, AuditActions.Denied, "borough", id, null, null, 404);
        throw new NotFoundException($"There is no borough '{id}'.");
    }

    public async Task<SchoolDto> CreateSchoolAsync(Caller caller, CreateSchoolRequest body, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "create schools", Capabilities.Of(Capabilities.Administer));
        await using var db = await factory.CreateDbContextAsync(ct);
        var problems = new ProblemCollector()
            .Require(body.Id, "id", 100).Id(body.Id, "id")
            .Name(body.Name, "name")
            .Require(body.BoroughId, "boroughId", 100);
        CheckPhase(problems, body.Phase);
        if (body.BoroughId is not null)
            problems.Check(await db.Boroughs.AnyAsync(b => b.Id == body.BoroughId, ct), "boroughId", $"There is no borough '{body.BoroughId}'.");
        problems.ThrowIfAny();
        if (await db.Schools.AnyAsync(s => s.Id == body.Id, ct)) throw new ConflictException($"School '{body.Id}' already exists.");
        var row = new School
        {
            Id = body.Id!, Name = body.Name!.Trim(), BoroughId = body.BoroughId!, Phase = body.Phase, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Schools.Add(row);
        await db.SaveChangesAsync(ct);
        return SchoolDto.Of(row);
    }

    /// <summary>
    /// A school's name or phase, by an administrator. A new phase moves the year in which its pupils transfer, so the
    /// transfer deadlines of its pupils' plans are checked again at once (those already handed out stay).
    /// </summary>
    public async Task<SchoolDto> UpdateSchoolAsync(Caller caller, string id, UpdateSchoolRequest body, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "change schools", Capabilities.Of(Capabilities.Administer));
        var problems = new ProblemCollector();
        if (body.Name is not null) problems.Name(body.Name, "name");
        CheckPhase(problems, body.Phase);
        problems.ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Schools.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException($"There is no school '{id}'.");
        var phaseChanged = body.Phase is not null && body.Phase != row.Phase;
        if (body.Name is not null) row.Name = body.Name.Trim();
        if (body.Phase is not null) row.Phase = body.Phase;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("school", id, null, id)));
        await db.SaveChangesAsync(ct);
        if (phaseChanged) await yearGroups.CheckSchoolAsync(id, row.Phase!, caller.Actor, ct);
        return SchoolDto.Of(row);
    }

    private static void CheckPhase(ProblemCollector problems, string? phase) =>
        problems.Check(phase is null || SchoolPhases.All.Contains(phase), "phase", $"'phase' is one of {string.Join(", ", SchoolPhases.All)}.");

    /// <summary>The school, for its own staff, its borough's LA officers and an administrator; 404 for anyone else.</summary>
    public async Task<SchoolDto> GetSchoolAsync(Caller caller, string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (school is not null && (caller.IsAdministrator || caller.SchoolId == id
            || (caller.Role == StaffRoles.LaOfficer && caller.BoroughId == school.BoroughId)))
        {
            return SchoolDto.Of(school);
        }

        await guard.AuditAsync(caller, AuditActions.Denied, "school", id, null, null, 404);
        throw new NotFoundException($"There is no school '{id}'.");
    }

    public async Task<PupilDto> AddPupilAsync(Caller caller, CreatePupilRequest body, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "add pupils", Capabilities.Of(Capabilities.ManagePupils));
        var today = UkTime.DateOf(time.GetUtcNow());
        var problems = new ProblemCollector()
            .Id(body.Id, "id")
            .Name(body.Name, "name")
            .Require(body.SchoolId, "schoolId", 100)
            .Check(body.DateOfBirth is not null, "dateOfBirth", "'dateOfBirth' is required.")
            .DateOfBirth(body.DateOfBirth, today, "dateOfBirth")
            .Check(body.YearGroup is not null, "yearGroup", "'yearGroup' is required.");
        CheckDetails(problems, body.YearGroup, body.ClassName, body.PrimaryNeed);
        if (body.SchoolId is not null && !caller.IsAdministrator)
            problems.Check(body.SchoolId == caller.SchoolId, "schoolId", "You can add pupils to your own school only.");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (body.SchoolId is not null)
            problems.Check(await db.Schools.AnyAsync(s => s.Id == body.SchoolId, ct), "schoolId", $"There is no school '{body.SchoolId}'.");
        problems.ThrowIfAny();
        var id = body.Id ?? Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        if (await db.Pupils.AnyAsync(p => p.Id == id, ct)) throw new ConflictException($"Pupil '{id}' already exists.");
        var row = new Pupil
        {
            Id = id, Name = body.Name!.Trim(), DateOfBirth = body.DateOfBirth!.Value, SchoolId = body.SchoolId!,
            YearGroup = body.YearGroup!.Value, ClassName = body.ClassName?.Trim(), PrimaryNeed = body.PrimaryNeed,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Pupils.Add(row);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("pupil", row.Id, row.Id, row.SchoolId), 201));
        await db.SaveChangesAsync(ct);
        return PupilDto.Of(row);
    }

    public async Task<PupilDto> GetPupilAsync(Caller caller, string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, id, "pupil", null, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "pupil", id, id, pupil.SchoolId);
        return PupilDto.Of(pupil);
    }

    /// <summary>The SENCo keeps a pupil's details current: a new class each September, the primary need once known.</summary>
    public async Task<PupilDto> UpdatePupilAsync(Caller caller, string id, UpdatePupilRequest body, CancellationToken ct)
    {
        var problems = new ProblemCollector();
        if (body.Name is not null) problems.Name(body.Name, "name");
        CheckDetails(problems, body.YearGroup, body.ClassName, body.PrimaryNeed);
        problems.ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.RequirePupilAsync(db, caller, id, "pupil", null, ct);
        await guard.RequireRoleAsync(caller, "change a pupil's details", Capabilities.Of(Capabilities.ManagePupils));
        var row = await db.Pupils.FirstAsync(p => p.Id == id, ct);
        if (body.Name is not null) row.Name = body.Name.Trim();
        if (body.YearGroup is not null)
        {
            row.YearGroup = body.YearGroup.Value;
            row.YearGroupFrom = Programmes.AcademicYear.Of(UkTime.DateOf(time.GetUtcNow())).StartYear;
        }
        if (body.ClassName is not null) row.ClassName = body.ClassName.Trim().Length == 0 ? null : body.ClassName.Trim();
        if (body.PrimaryNeed is not null) row.PrimaryNeed = body.PrimaryNeed;
        if (body.LookedAfter is not null) row.LookedAfter = body.LookedAfter.Value;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("pupil", id, id, row.SchoolId)));
        await db.SaveChangesAsync(ct);
        return PupilDto.Of(row);
    }

    private static void CheckDetails(ProblemCollector problems, int? yearGroup, string? className, string? primaryNeed) =>
        problems.YearGroup(yearGroup, "yearGroup").PrimaryNeed(primaryNeed, "primaryNeed").ClassName(className, "className");
}
