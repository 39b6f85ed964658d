using System.Security.Claims;
using System.Text.Json;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.ParentMeetings;

namespace SendWorkflow.Send.ParentLinks;

/// <summary>
/// The parent's side of a link: the page it opens (the child's first name and the school's name, nothing else of the
/// record) and the answer it sends once. The answer lands on the pupil's record, journaled on their pathway "from the
/// parent" and audited: when the link was made for an open task, it completes that task through the engine, the link
/// spent in the same transaction (<see cref="ParentLinkScope"/>); otherwise the answer is journaled with the link spent
/// and the audit entry in one transaction. A used, expired, revoked or unknown link is refused the same way, and nothing
/// is recorded on the record.
/// </summary>
public sealed class ParentVoice(IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, AuditLog audit, TimeProvider time)
    : IDisposable
{
    /// <summary>Who the journal says answered.</summary>
    public const string Actor = "from the parent";

    /// <summary>The journal's kind for an answer that completed no task.</summary>
    public const string JournalKind = "parent-voice";

    /// <summary>What the audit log records of the address: the route, never the token.</summary>
    public const string Route = "/parent/{token}";

    private static readonly ClaimsPrincipal Parent = new(new ClaimsIdentity([new Claim("name", "A parent, by a link")]));

    // Answers are few: one at a time, so that the same link sent twice is seen used the second time.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>What the page shows, or null when the link can't be used (the page says no more than that).</summary>
    public async Task<ParentPage?> OpenAsync(string token, ParentVisit visit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var link = await FindAsync(db, token, visit, ct);
        if (link is null) return null;
        await audit.RecordAsync(Entry(visit, AuditActions.Read, link, 200), ct);
        return await PageAsync(db, link, ct);
    }

    /// <summary>Records the parent's answer once, or says what to put right, or refuses.</summary>
    public async Task<ParentSubmission> SubmitAsync(string token, ParentAnswer answer, ParentVisit visit, CancellationToken ct)
    {
        var tidy = ParentForms.Tidy(answer);
        var problems = ParentForms.Check(tidy);
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var link = await FindAsync(db, token, visit, ct);
            if (link is null) return ParentSubmission.Refused;
            var page = await PageAsync(db, link, ct);
            if (problems.Count > 0)
            {
                await audit.RecordAsync(Entry(visit, AuditActions.Refused, link, 400), ct);
                return new ParentSubmission(ParentSubmissionOutcome.Invalid, page, problems);
            }
            var recorded = await RecordAsync(db, link, ParentForms.Recorded(tidy, link.Id), Entry(visit, AuditActions.Change, link, 200), ct);
            return recorded ? new ParentSubmission(ParentSubmissionOutcome.Recorded, page, []) : ParentSubmission.Refused;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The link, tracked, if it is open; otherwise null, and the attempt audited (an unknown token without a pupil).
    private async Task<ParentLinkRecord?> FindAsync(SendWorkflowDbContext db, string token, ParentVisit visit, CancellationToken ct)
    {
        var hash = ParentLinkTokens.IsWellFormed(token) ? ParentLinkTokens.Hash(token) : null;
        var link = hash is null ? null : await db.ParentLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null)
        {
            var unknown = new AuditSubject("parent-link", null, null, null);
            await audit.RecordAsync(audit.Entry(Parent, Request(visit), AuditActions.Rejected, unknown, 404), ct);
            return null;
        }
        if (ParentLinkStates.Of(link, time.GetUtcNow().UtcDateTime) == ParentLinkStates.Open) return link;
        await audit.RecordAsync(Entry(visit, AuditActions.Refused, link, 404), ct);
        return null;
    }

    private async Task<bool> RecordAsync(SendWorkflowDbContext db, ParentLinkRecord link, Dictionary<string, string> form, AuditEntryRecord entry,
        CancellationToken ct)
    {
        var read = link.Revision;
        link.UsedAt = time.GetUtcNow().UtcDateTime;
        link.Revision = read + 1;
        if (link.TaskId is { } taskId)
        {
            try
            {
                using (AuditScope.Attach(entry))
                using (ParentLinkScope.Spend(link, read))
                    await engine.CompleteTaskAsync(new TaskCompletionRequest(taskId, null, null, Actor, form), ct);
                return true;
            }
            catch (ParentLinkSpentException)
            {
                return false;
            }
            catch (Exception e) when (e is TaskNotOpenException or TaskNotFoundException or InstanceNotFoundException or EventDataException)
            {
                // Staff recorded that task meanwhile (or it ended with its stage): the parent's answer is still theirs to give.
            }
        }
        var instance = await RecordOfAsync(db, link.PupilId, ct);
        if (instance is null) return false;
        db.Journal.Add(new JournalEntry
        {
            InstanceId = instance.Id, At = link.UsedAt.Value, Kind = JournalKind, State = instance.State,
            Detail = "The parent's views, sent by a link.", Data = JsonSerializer.Serialize(new { parentLink = link.Id, form }), Actor = Actor,
        });
        db.Audit.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// The workflow a parent's answer is journaled on: the pupil's pathway (running, else the latest), else their latest
    /// running workflow, else their latest; null for a pupil on none.
    /// </summary>
    public static async Task<WorkflowInstance?> RecordOfAsync(SendWorkflowDbContext db, string pupilId, CancellationToken ct)
    {
        var instances = await db.Instances.AsNoTracking().Where(i => i.SubjectId == pupilId).ToListAsync(ct);
        return instances.OrderByDescending(i => i.DefinitionId == "send-pathway").ThenByDescending(i => i.Status == InstanceStatus.Active)
            .ThenByDescending(i => i.StartedAt).FirstOrDefault();
    }

    /// <summary>The answers parents gave by the pupil's links, by link, from the journal (where the record keeps them).</summary>
    public static async Task<Dictionary<Guid, ParentAnswer>> AnswersAsync(SendWorkflowDbContext db, string pupilId, CancellationToken ct)
    {
        var instances = db.Instances.Where(i => i.SubjectId == pupilId).Select(i => i.Id);
        var entries = await db.Journal.AsNoTracking()
            .Where(j => instances.Contains(j.InstanceId) && j.Actor == Actor && j.Data != null && j.Data.Contains(ParentForms.LinkField))
            .Select(j => j.Data!).ToListAsync(ct);
        var answers = new Dictionary<Guid, ParentAnswer>();
        foreach (var data in entries)
        {
            using var doc = JsonDocument.Parse(data);
            if (!doc.RootElement.TryGetProperty("form", out var form) || form.ValueKind != JsonValueKind.Object) continue;
            var fields = form.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!);
            if (Guid.TryParse(fields.GetValueOrDefault(ParentForms.LinkField), out var id)) answers[id] = ParentForms.FromRecorded(fields);
        }
        return answers;
    }

    private static async Task<ParentPage> PageAsync(SendWorkflowDbContext db, ParentLinkRecord link, CancellationToken ct)
    {
        var pupil = await db.Pupils.AsNoTracking().Where(p => p.Id == link.PupilId).Select(p => new { p.Name, p.PreferredName }).FirstAsync(ct);
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == link.SchoolId).Select(s => s.Name).FirstAsync(ct);
        var firstName = ParentMeetingLetter.FirstName(string.IsNullOrWhiteSpace(pupil.PreferredName) ? pupil.Name : pupil.PreferredName);
        return new ParentPage(firstName, school, new DateTimeOffset(DateTime.SpecifyKind(link.ExpiresAt, DateTimeKind.Utc)));
    }

    private AuditEntryRecord Entry(ParentVisit visit, string action, ParentLinkRecord link, int status) =>
        audit.Entry(Parent, Request(visit), action, new AuditSubject("parent-link", link.Id.ToString(), link.PupilId, link.SchoolId), status);

    private static AuditRequest Request(ParentVisit visit) => new(visit.Method, Route, visit.Address);
}
