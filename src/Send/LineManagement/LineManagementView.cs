using System.Text.Json;
using SendWorkflow.Send.Calendars;

namespace SendWorkflow.Send.LineManagement;

/// <summary>One teaching assistant: when the SENCo last met them for line management and whether a meeting is due.</summary>
public sealed record AssistantLine(string UserId, string Name, DateOnly? LastMet, int MeetingsThisYear, int? SchoolDaysSince, bool Due);

/// <summary>The school's teaching assistants, those not met for more than two school weeks (or never) first.</summary>
public sealed record LineManagementDto(string SchoolId, DateOnly Today, IReadOnlyList<AssistantLine> Assistants);

/// <summary>
/// The SENCo's view of the line-management meetings: each teaching assistant with the last meeting that met them, read
/// from the completions of the programme's fortnightly task, and whether one is due (more than ten school days ago, or
/// never). For the school's leaders; each look audited.
/// </summary>
public sealed class LineManagementView(IDbContextFactory<SendWorkflowDbContext> factory, CalendarRegistry calendars, AccessGuard guard,
    TimeProvider time)
{
    /// <summary>Every other week: more school days than this since the last meeting and one is due.</summary>
    public const int SchoolDaysBetweenMeetings = 10;

    public async Task<LineManagementDto> GetAsync(Caller caller, string schoolId, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "see the line-management meetings", Capabilities.Of(Capabilities.SchoolViews));
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct)
            ?? throw new NotFoundException($"There is no school '{schoolId}'.");
        await guard.AuditAsync(caller, AuditActions.Read, "line-management", schoolId, null, schoolId);
        var now = time.GetUtcNow();
        var today = UkTime.DateOf(now);
        var calendar = calendars.ForBorough(school.BoroughId);
        var yearStart = Programmes.AcademicYear.Of(today).First;
        var subject = SchoolSubject.Of(schoolId);
        var instances = db.Instances.Where(i => i.SubjectId == subject).Select(i => i.Id);
        var completions = await db.Journal.AsNoTracking()
            .Where(j => instances.Contains(j.InstanceId) && j.Kind == JournalKinds.TaskCompleted && j.Data != null
                && j.Data.Contains("\"" + LineManagementForm.MetPrefix))
            .Select(j => new { j.At, j.Data }).ToListAsync(ct);
        var met = completions.SelectMany(c => Met(c.Data!).Select(id => (Id: id, On: UkTime.DateOf(new DateTimeOffset(c.At, TimeSpan.Zero)))))
            .ToLookup(m => m.Id, m => m.On);
        var lines = (await LineManagementForm.AssistantsAsync(db, schoolId, now, ct)).Select(a =>
        {
            var days = met[a.Id].ToList();
            DateOnly? last = days.Count == 0 ? null : days.Max();
            int? since = last is { } l && calendar.Covers(l) && calendar.Covers(today) ? calendar.SchoolDaysBetween(l, today) : null;
            return new AssistantLine(a.Id, a.Name, last, days.Count(d => d >= yearStart), since,
                last is null || since is null or > SchoolDaysBetweenMeetings);
        }).OrderByDescending(l => l.Due).ThenBy(l => l.LastMet).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        return new LineManagementDto(schoolId, today, lines);
    }

    // The teaching assistants a completed meeting says were met.
    private static List<string> Met(string data)
    {
        using var doc = JsonDocument.Parse(data);
        if (!doc.RootElement.TryGetProperty("form", out var form) || form.ValueKind != JsonValueKind.Object) return [];
        return form.EnumerateObject()
            .Where(p => p.Name.StartsWith(LineManagementForm.MetPrefix, StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String
                && p.Value.GetString() == LineManagementForm.Answers[0])
            .Select(p => p.Name[LineManagementForm.MetPrefix.Length..]).ToList();
    }
}
