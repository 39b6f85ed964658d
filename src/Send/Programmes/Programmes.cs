using Microsoft.Extensions.Logging;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Send.Programmes;

/// <summary>
/// A school's programmes: workflows that belong to the school, not to a pupil (the SENCo's monitoring schedule), one
/// per definition and academic year. Started by the school's leaders, and on the first day of each school year for
/// every school that ran the programme the year before. Same engine, versions, timers, tasks, journal and audit.
/// </summary>
public sealed class Programmes(IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, IDefinitionCatalog catalog,
    CalendarRegistry calendars, AccessGuard guard, TimeProvider time, ILogger<Programmes> logger)
{
    /// <summary>Who starts a programme on the first day of the year.</summary>
    public const string Rollover = "rollover";

    public async Task<ProgrammeDto> StartAsync(Caller caller, string schoolId, StartProgrammeRequest body, CancellationToken ct)
    {
        var parsed = AcademicYear.TryParse(body.AcademicYear, out var year);
        new ProblemCollector().Require(body.DefinitionId, "definitionId", 64).Require(body.AcademicYear, "academicYear", 20)
            .Check(string.IsNullOrWhiteSpace(body.AcademicYear) || parsed, "academicYear", "'academicYear' is a school year such as 2026-27.")
            .ThrowIfAny();
        await guard.RequireSchoolAsync(caller, schoolId, "start the school's programmes", Capabilities.Of(Capabilities.StartProgrammes));
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct)
            ?? throw new NotFoundException($"There is no school '{schoolId}'.");
        await CheckAsync(school, body.DefinitionId!, year, ct);
        var entry = guard.Entry(caller, AuditActions.Change, new AuditSubject("programme", $"{body.DefinitionId} {year}", null, schoolId), 201);
        using (AuditScope.Attach(entry))
            return await StartCoreAsync(db, school, body.DefinitionId!, year, caller.Actor, ct);
    }

    /// <summary>
    /// The borough starts its statutory work on a school (the self-review with the educational psychologist) for one of its
    /// schools, or for all of them at once; a school whose year has already started is left as it is and named.
    /// </summary>
    public async Task<BoroughProgrammesDto> StartForBoroughAsync(Caller caller, string boroughId, StartBoroughProgrammeRequest body,
        CancellationToken ct)
    {
        await guard.RequireOwnBoroughAsync(caller, boroughId, "start the borough's programmes for its schools",
            Capabilities.Of(Capabilities.ManageBoroughSchools));
        var parsed = AcademicYear.TryParse(body.AcademicYear, out var year);
        var problems = new ProblemCollector().Require(body.DefinitionId, "definitionId", 64).Require(body.AcademicYear, "academicYear", 20)
            .Check(string.IsNullOrWhiteSpace(body.AcademicYear) || parsed, "academicYear", "'academicYear' is a school year such as 2026-27.");
        if (body.DefinitionId is { Length: > 0 } id)
        {
            problems.Check(await guard.IsStatutoryAsync(id, ct), "definitionId",
                $"'{id}' is not the borough's statutory work on a school: a school's own programme is started by the school.");
        }
        problems.ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Boroughs.AnyAsync(b => b.Id == boroughId, ct)) throw new NotFoundException($"There is no borough '{boroughId}'.");
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId && (body.SchoolId == null || s.Id == body.SchoolId))
            .OrderBy(s => s.Id).ToListAsync(ct);
        if (body.SchoolId is not null && schools.Count == 0)
            throw new NotFoundException($"There is no school '{body.SchoolId}' in the borough '{boroughId}'.");
        // Checked for every school before any starts, so a refusal (a pupil's workflow, a year not covered) changes nothing.
        foreach (var school in schools) await CheckAsync(school, body.DefinitionId!, year, ct);
        var key = year.ToString();
        var started = new List<ProgrammeDto>();
        var already = new List<string>();
        foreach (var school in schools)
        {
            if (await db.Programmes.AnyAsync(p => p.SchoolId == school.Id && p.DefinitionId == body.DefinitionId && p.AcademicYear == key
                    && p.InstanceId != Guid.Empty, ct))
            {
                already.Add(school.Id);
                continue;
            }
            var entry = guard.Entry(caller, AuditActions.Change, new AuditSubject("programme", $"{body.DefinitionId} {year}", null, school.Id), 201);
            try
            {
                using (AuditScope.Attach(entry))
                    started.Add(await StartCoreAsync(db, school, body.DefinitionId!, year, caller.Actor, ct));
            }
            catch (ConflictException)
            {
                already.Add(school.Id);
            }
        }
        return new BoroughProgrammesDto(started, already);
    }

    public async Task<IReadOnlyList<ProgrammeDto>> ListAsync(Caller caller, string schoolId, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "see the school's programmes", StaffRoles.All);
        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "programmes", schoolId, null, schoolId);
        var rows = await db.Programmes.AsNoTracking().Where(p => p.SchoolId == schoolId)
            .OrderByDescending(p => p.AcademicYear).ThenBy(p => p.DefinitionId).ToListAsync(ct);
        var list = new List<ProgrammeDto>(rows.Count);
        foreach (var row in rows) list.Add(await DtoAsync(db, row, ct));
        return list;
    }

    /// <summary>
    /// The programmes a school ran last year that have not started for the school year of <paramref name="today"/>: what the
    /// first-day-of-the-year round (<see cref="RollOverAsync"/>) starts. Read on its own, so that the daily round reads it
    /// beside its deadlines, which it does not touch; on nearly every day it is none.
    /// </summary>
    public async Task<IReadOnlyList<(string SchoolId, string DefinitionId)>> RollOverDueAsync(DateOnly today, CancellationToken ct)
    {
        var year = AcademicYear.Of(today);
        var (current, previous) = (year.ToString(), year.Previous.ToString());
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.Programmes.AsNoTracking()
            .Where(p => p.AcademicYear == previous
                && !db.Programmes.Any(q => q.SchoolId == p.SchoolId && q.DefinitionId == p.DefinitionId && q.AcademicYear == current))
            .Select(p => new { p.SchoolId, p.DefinitionId }).ToListAsync(ct);
        return due.Select(d => (d.SchoolId, d.DefinitionId)).ToList();
    }

    /// <summary>
    /// The first-day-of-the-year round (run with each day's deadline round, so a day missed is caught up): every
    /// programme a school ran last year starts for this year, unless it already has (<paramref name="due"/>, as
    /// <see cref="RollOverDueAsync"/> read them; one started meanwhile is refused as a second start, and left).
    /// </summary>
    public async Task<int> RollOverAsync(DateOnly today, IReadOnlyList<(string SchoolId, string DefinitionId)> due, CancellationToken ct)
    {
        if (due.Count == 0) return 0;
        var year = AcademicYear.Of(today);
        await using var db = await factory.CreateDbContextAsync(ct);
        var started = 0;
        foreach (var d in due)
        {
            try
            {
                var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == d.SchoolId, ct);
                await CheckAsync(school, d.DefinitionId, year, ct);
                await StartCoreAsync(db, school, d.DefinitionId, year, Rollover, ct);
                started++;
            }
            catch (Exception e) when (e is RequestValidationException or ConflictException or AlreadyRunningException or SchoolCalendarException)
            {
                // Schools' programmes carry no pupil's data; the school and the reason are safe to log.
                logger.LogWarning("The {Definition} programme of school {School} was not started for {Year}: {Reason}",
                    d.DefinitionId, d.SchoolId, year, e.Message);
            }
        }
        return started;
    }

    private async Task CheckAsync(School school, string definitionId, AcademicYear year, CancellationToken ct)
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        var calendar = calendars.ForBorough(school.BoroughId);
        var definition = await catalog.GetPublishedAsync(definitionId, Placement(school), ct);
        var thisYear = AcademicYear.Of(today);
        new ProblemCollector()
            .Check(definition.Definition.Subject == WorkflowDefinition.SchoolSubject, "definitionId",
                $"'{definitionId}' is a pupil's workflow, not a school's programme.")
            .Check(year == thisYear, "academicYear", year.StartYear > thisYear.StartYear
                ? $"{year} has not started yet: it starts itself on 1 September {year.StartYear} for a school that ran {thisYear}."
                : $"{year} is over; only the current school year ({thisYear}) can be started.")
            .Check(year.IsCoveredBy(calendar), "academicYear", $"The borough's term dates ({calendar.Name}) do not cover {year}.")
            .ThrowIfAny();
    }

    // Claims the year first (the unique index settles a race), then starts the workflow, then links the two; a claim left
    // without its workflow by a crash is taken over by the next start.
    private async Task<ProgrammeDto> StartCoreAsync(SendWorkflowDbContext db, School school, string definitionId, AcademicYear year,
        string actor, CancellationToken ct)
    {
        var key = year.ToString();
        var claim = await db.Programmes
            .FirstOrDefaultAsync(p => p.SchoolId == school.Id && p.DefinitionId == definitionId && p.AcademicYear == key, ct);
        if (claim is not null && claim.InstanceId != Guid.Empty)
            throw new ConflictException($"The school's '{definitionId}' programme for {key} has already been started.");
        if (claim is null)
        {
            claim = new ProgrammeRecord
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()), SchoolId = school.Id, DefinitionId = definitionId, AcademicYear = key,
                StartedAt = time.GetUtcNow().UtcDateTime, StartedBy = actor,
            };
            db.Programmes.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw new ConflictException($"The school's '{definitionId}' programme for {key} has already been started.");
            }
        }
        WorkflowInstance instance;
        try
        {
            instance = await engine.StartAsync(definitionId, SchoolSubject.Of(school.Id), actor, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Refused (the calendar lacks a term, last year's still runs...): the year is not claimed after all.
            db.Programmes.Remove(claim);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        claim.InstanceId = instance.Id;
        await db.SaveChangesAsync(ct);
        return await DtoAsync(db, claim, ct);
    }

    private static async Task<ProgrammeDto> DtoAsync(SendWorkflowDbContext db, ProgrammeRecord p, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == p.InstanceId, ct);
        var open = await db.Tasks.CountAsync(t => t.InstanceId == p.InstanceId && t.Status == WorkTaskStatus.Open, ct);
        return new ProgrammeDto(p.Id, p.SchoolId, p.DefinitionId, p.AcademicYear, p.InstanceId, instance?.State ?? "not started",
            instance?.Status.ToString().ToLowerInvariant() ?? "not started", open, new DateTimeOffset(p.StartedAt, TimeSpan.Zero), p.StartedBy);
    }

    private static SubjectPlacement Placement(School school) => new(SchoolSubject.Of(school.Id), school.Id, school.BoroughId, 0);
}
