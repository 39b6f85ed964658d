using System.Text.Json;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Programmes;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.ParentMeetings;

/// <summary>
/// Meetings with the parents of pupils on SEN support (SEND Code of Practice 6.65: at least three times a year): the
/// SENCo's view of who has been met this term and this year, and the letter each meeting's record becomes. A meeting is a
/// completed task with the parent meeting form (the pathway's termly meeting with parents), dated the day it was completed.
/// The API and the Studio's page both come here; each look is scoped and audited.
/// </summary>
public sealed class ParentMeetings(IDbContextFactory<SendWorkflowDbContext> factory, CalendarRegistry calendars, AccessGuard guard,
    Inbox inbox, TimeProvider time)
{
    private const string Pathway = "send-pathway";

    /// <summary>
    /// Every pupil on SEN support now (stage 3, or stage 4 with outside agencies), their meetings with parents in the
    /// academic year (the current one unless asked), and whether their parents have been met in its current term (for a
    /// year that is over, its summer term); those not met this term first.
    /// </summary>
    public async Task<ParentMeetingsView> ListAsync(Caller caller, string schoolId, string? year, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "see the school's meetings with parents", Capabilities.Of(Capabilities.SchoolViews));
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct)
            ?? throw new NotFoundException($"There is no school '{schoolId}'.");
        var today = UkTime.DateOf(time.GetUtcNow());
        var academicYear = Year(year, calendars.ForBorough(school.BoroughId), today);
        var terms = SchoolTerm.Of(academicYear, calendars.ForBorough(school.BoroughId));
        var term = academicYear == AcademicYear.Of(today) ? terms.First(t => t.Holds(today)) : terms[^1];

        var pupils = await (
            from i in db.Instances.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on i.SubjectId equals p.Id
            where i.SchoolId == schoolId && i.DefinitionId == Pathway && i.Status == InstanceStatus.Active && (i.Stage == 3 || i.Stage == 4)
            select new { p.Id, p.Name, p.ClassName, i.Stage }).ToListAsync(ct);
        var meetings = await HeldAsync(db, schoolId, pupils.Select(p => p.Id).ToList(), academicYear, terms, ct);
        var rows = pupils
            .Select(p =>
            {
                var held = meetings.GetValueOrDefault(p.Id) ?? [];
                return new ParentMeetingRow(p.Id, p.Name, p.ClassName, p.Stage, held, held.Any(m => term.Holds(m.On)), held.Count);
            })
            .OrderBy(r => r.MetThisTerm).ThenBy(r => r.MeetingsThisYear).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        await guard.AuditAsync(caller, AuditActions.Read, "parent-meetings", $"{schoolId} {academicYear}", null, schoolId);
        return new ParentMeetingsView(schoolId, academicYear.ToString(), term.Name, term.From, term.To,
            rows.Count(r => !r.MetThisTerm), rows.Count(r => r.MeetingsThisYear == 0), rows);
    }

    /// <summary>
    /// The parents' letter for a meeting with parents that has been held: 404 for a task the caller may not see (audited),
    /// 409 for a task that is not a meeting with parents or has not been held yet.
    /// </summary>
    public async Task<ParentMeetingLetterFile> LetterAsync(Caller caller, Guid taskId, CancellationToken ct)
    {
        var task = await inbox.FindAsync(caller, taskId, ct);
        if (!TaskForms.IsParentMeeting(task) || SchoolSubject.Is(task.SubjectId))
            throw new ConflictException($"'{task.Title}' is not a meeting with parents: only a parent meeting's record becomes a letter.");
        if (task.Status != WorkTaskStatus.Completed || task.CompletedAt is not { } completedAt)
        {
            throw new ConflictException(
                $"'{task.Title}' has not been held yet: its letter is made from the meeting's record, once the task is completed.");
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await db.Pupils.AsNoTracking().FirstAsync(p => p.Id == task.SubjectId, ct);
        var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == task.SchoolId, ct);
        var on = UkTime.DateOfUtc(completedAt);
        var record = ParentMeetingRecord.From(task, on, await CompletionDataAsync(db, task, ct));
        var senco = await SencoAsync(db, task, ct);
        var pdf = ParentMeetingLetter.For(school.Name, pupil.Name, record, senco).ToPdf();
        return new ParentMeetingLetterFile($"parent-meeting-{on:yyyy-MM-dd}.pdf", pdf);
    }

    private static AcademicYear Year(string? text, SchoolCalendar calendar, DateOnly today)
    {
        var thisYear = AcademicYear.Of(today);
        var parsed = AcademicYear.TryParseOrCurrent(text, today, out var year);
        new ProblemCollector()
            .Check(parsed, "year", $"'year' is a school year such as {thisYear}.")
            .Check(!parsed || year.StartYear <= thisYear.StartYear, "year", $"{year} has not started yet (today is in {thisYear}).")
            .Check(!parsed || year.IsCoveredBy(calendar), "year", $"The borough's term dates ({calendar.Name}) do not cover {year}.")
            .ThrowIfAny();
        return year;
    }

    private static async Task<Dictionary<string, List<MeetingHeld>>> HeldAsync(SendWorkflowDbContext db, string schoolId, List<string> pupilIds,
        AcademicYear year, IReadOnlyList<SchoolTerm> terms, CancellationToken ct)
    {
        var (from, to) = (UkTime.StartOf(year.First).UtcDateTime, UkTime.StartOf(year.Last.AddDays(1)).UtcDateTime);
        // Narrowed in the database to tasks that may be meetings with parents; which are is the task's form's to say.
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.SchoolId == schoolId && pupilIds.Contains(t.SubjectId) && t.Status == WorkTaskStatus.Completed
                && (t.Form == TaskForms.ParentMeeting || t.DefinitionTaskId == TaskForms.ParentMeetingTask)
                && t.CompletedAt >= from && t.CompletedAt < to)
            .ToListAsync(ct);
        return tasks.Where(t => TaskForms.IsParentMeeting(t))
            .Select(t => (t.SubjectId, Meeting: Held(t, terms)))
            .GroupBy(x => x.SubjectId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Meeting).OrderBy(m => m.On).ToList());
    }

    private static MeetingHeld Held(WorkTask task, IReadOnlyList<SchoolTerm> terms)
    {
        var on = UkTime.DateOfUtc(task.CompletedAt!.Value);
        return new MeetingHeld(task.Id, on, terms.First(t => t.Holds(on)).Name);
    }

    // The journal keeps the form a task was completed with, in the entry that records the completion.
    private static async Task<string?> CompletionDataAsync(SendWorkflowDbContext db, WorkTask task, CancellationToken ct)
    {
        var id = task.Id.ToString();
        var entries = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == task.InstanceId && j.Kind == JournalKinds.TaskCompleted && j.Data != null && j.Data.Contains(id))
            .Select(j => j.Data).ToListAsync(ct);
        return entries.FirstOrDefault(d => IsOf(d!, task.Id));
    }

    private static bool IsOf(string data, Guid taskId)
    {
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.TryGetProperty("taskId", out var id) && id.ValueKind == JsonValueKind.String && id.TryGetGuid(out var g)
            && g == taskId;
    }

    // The SENCo who held the meeting, else the school's SENCo (the first, if it has more than one); a revoked account signs nothing.
    private async Task<string?> SencoAsync(SendWorkflowDbContext db, WorkTask task, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sencos = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where u.SchoolId == task.SchoolId && r.Name == StaffRoles.Senco
            select new { u.DisplayName, u.LockoutEnd }).ToListAsync(ct);
        var active = sencos.Where(s => s.LockoutEnd is null || s.LockoutEnd <= now).Select(s => s.DisplayName).Order(StringComparer.Ordinal)
            .ToList();
        return active.FirstOrDefault(n => n == task.CompletedBy) ?? active.FirstOrDefault();
    }
}
