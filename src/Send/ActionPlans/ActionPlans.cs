using System.Text.Json;
using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.ActionPlans;

/// <summary>
/// The school's SEN action plan, year by year: priorities with actions, owner, due date, status and evidence. Actions
/// arrive from the monitoring programme (each line of an activity's follow-up actions, read from the activity's
/// completion in the journal, so none is lost whatever happens after the completion commits), from the CPD audit and
/// by hand. Reviewed each summer beside last year's.
/// </summary>
public sealed class ActionPlans(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, TimeProvider time)
{
    /// <summary>The form field whose lines become actions.</summary>
    public const string FollowUpField = "followUpActions";

    public async Task<ActionPlanDto> GetAsync(Caller caller, string schoolId, string? academicYear, CancellationToken ct)
    {
        var year = Year(academicYear);
        await guard.RequireSchoolAsync(caller, schoolId, "see the school's action plan", Capabilities.Of(Capabilities.ReadActionPlan));
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireSchoolExistsAsync(db, schoolId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "action-plan", $"{schoolId} {year}", null, schoolId);
        await AddFollowUpsAsync(db, schoolId, year, ct);
        var (key, last) = (year.ToString(), year.Previous.ToString());
        var rows = await db.ActionPlan.AsNoTracking().Where(a => a.SchoolId == schoolId && (a.AcademicYear == key || a.AcademicYear == last))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.SourceKey).ToListAsync(ct);
        return new ActionPlanDto(schoolId, key, rows.Where(r => r.AcademicYear == key).Select(Dto).ToList(), last,
            rows.Where(r => r.AcademicYear == last).Select(Dto).ToList());
    }

    public async Task<ActionItemDto> AddAsync(Caller caller, string schoolId, AddActionRequest body, CancellationToken ct)
    {
        var year = Year(body.AcademicYear);
        new ProblemCollector().Name(body.Area, "area", 300).Name(body.Action, "action", 1000)
            .Check(body.Owner is not { Length: > 200 }, "owner", "'owner' must be at most 200 characters.").Date(body.DueOn, "dueOn")
            .ThrowIfAny();
        await guard.RequireSchoolAsync(caller, schoolId, "change the school's action plan", Capabilities.Of(Capabilities.ChangeActionPlan));
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireSchoolExistsAsync(db, schoolId, ct);
        var item = New(schoolId, year, "added", null, new NewAction(body.Area!.Trim(), body.Action!.Trim(), body.Owner?.Trim(), body.DueOn),
            caller.Actor);
        db.ActionPlan.Add(item);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("action-plan", item.Id.ToString(), null, schoolId), 201));
        await db.SaveChangesAsync(ct);
        return Dto(item);
    }

    public async Task<ActionItemDto> UpdateAsync(Caller caller, Guid id, UpdateActionRequest body, CancellationToken ct)
    {
        new ProblemCollector()
            .Check(body.Status is null || ActionStatuses.All.Contains(body.Status), "status",
                $"'status' is one of {string.Join(", ", ActionStatuses.All)}.")
            .Check(body.Evidence is not { Length: > 4000 }, "evidence", "'evidence' must be at most 4000 characters.")
            .Check(body.Owner is not { Length: > 200 }, "owner", "'owner' must be at most 200 characters.")
            .Check(body.Action is null || (body.Action.Trim().Length is > 0 and <= 1000), "action", "'action' must be 1 to 1000 characters.")
            .Date(body.DueOn, "dueOn")
            .ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        var item = await db.ActionPlan.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"There is no action '{id}'.");
        await guard.RequireSchoolAsync(caller, item.SchoolId, "change the school's action plan", Capabilities.Of(Capabilities.ChangeActionPlan));
        item.Status = body.Status ?? item.Status;
        item.Evidence = body.Evidence ?? item.Evidence;
        item.Owner = body.Owner ?? item.Owner;
        item.DueOn = body.DueOn ?? item.DueOn;
        item.Action = body.Action?.Trim() ?? item.Action;
        item.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("action-plan", id.ToString(), null, item.SchoolId)));
        await db.SaveChangesAsync(ct);
        return Dto(item);
    }

    /// <summary>
    /// Adds actions that came from something the school did, each once: the n-th action of <paramref name="sourceKey"/> is
    /// never added again, however often this is called. Returns how many were new.
    /// </summary>
    public async Task<int> AddFromAsync(string schoolId, AcademicYear year, string source, string sourceKey, IReadOnlyList<NewAction> actions,
        string actor, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await AddMissingAsync(db, schoolId, year, source, actions.Select((a, i) => ($"{sourceKey}:{i}", a, actor)).ToList(), ct);
    }

    /// <summary>
    /// Brings the plan up to date with the follow-up actions of the monitoring activities completed so far, so that a
    /// count of the plan (the governor's report) sees them whether or not anyone has opened the plan yet.
    /// </summary>
    public async Task CatchUpAsync(string schoolId, AcademicYear year, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await AddFollowUpsAsync(db, schoolId, year, ct);
    }

    // Each line of a completed monitoring activity's follow-up actions, in the programmes of the school's year.
    private async Task AddFollowUpsAsync(SendWorkflowDbContext db, string schoolId, AcademicYear year, CancellationToken ct)
    {
        var key = year.ToString();
        var instances = db.Programmes.Where(p => p.SchoolId == schoolId && p.AcademicYear == key).Select(p => p.InstanceId);
        var completions = await db.Journal.AsNoTracking()
            .Where(j => instances.Contains(j.InstanceId) && j.Kind == JournalKinds.TaskCompleted && j.Data != null && j.Data.Contains(FollowUpField))
            .ToListAsync(ct);
        var wanted = new List<(string Key, NewAction Action, string Actor)>();
        foreach (var entry in completions)
        {
            using var data = JsonDocument.Parse(entry.Data!);
            if (!data.RootElement.TryGetProperty("form", out var form) || form.ValueKind != JsonValueKind.Object
                || !form.TryGetProperty(FollowUpField, out var lines) || lines.ValueKind != JsonValueKind.String)
            {
                continue;
            }
            var taskId = data.RootElement.TryGetProperty("taskId", out var t) && t.TryGetGuid(out var g) ? g : Guid.Empty;
            var task = await db.Tasks.AsNoTracking().Where(x => x.Id == taskId).Select(x => new { x.Title, x.Role }).FirstOrDefaultAsync(ct);
            var actions = (lines.GetString() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            wanted.AddRange(actions.Select((line, i) =>
                ($"journal:{entry.Id}:{i}", new NewAction(task?.Title ?? "Monitoring", line, task?.Role), entry.Actor ?? "")));
        }
        if (wanted.Count > 0) await AddMissingAsync(db, schoolId, year, "monitoring", wanted, ct);
    }

    private async Task<int> AddMissingAsync(SendWorkflowDbContext db, string schoolId, AcademicYear year, string source,
        IReadOnlyList<(string Key, NewAction Action, string Actor)> wanted, CancellationToken ct)
    {
        var keys = wanted.Select(w => w.Key).ToList();
        var existing = (await db.ActionPlan.Where(a => a.SchoolId == schoolId && keys.Contains(a.SourceKey!)).Select(a => a.SourceKey!)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = wanted.Where(w => !existing.Contains(w.Key)).Select(w => New(schoolId, year, source, w.Key, w.Action, w.Actor)).ToList();
        if (added.Count == 0) return 0;
        db.ActionPlan.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request added them first (the unique source key): they are there either way.
            return 0;
        }
        return added.Count;
    }

    private ActionPlanItem New(string schoolId, AcademicYear year, string source, string? sourceKey, NewAction a, string actor)
    {
        var now = time.GetUtcNow();
        return new ActionPlanItem
        {
            Id = Guid.CreateVersion7(now), SchoolId = schoolId, AcademicYear = year.ToString(),
            Area = Clip(a.Area, 300), Action = Clip(a.Action, 1000),
            Owner = a.Owner, DueOn = a.DueOn, Status = ActionStatuses.ToDo, Source = source, SourceKey = sourceKey,
            CreatedAt = now.UtcDateTime, CreatedBy = actor, UpdatedAt = now.UtcDateTime,
        };
    }

    private AcademicYear Year(string? text) =>
        AcademicYear.TryParseOrCurrent(text, UkTime.DateOf(time.GetUtcNow()), out var year)
            ? year
            : throw new RequestValidationException([new Problem("'year' is a school year such as 2026-27.", "year")]);

    private static async Task RequireSchoolExistsAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct)
    {
        if (!await db.Schools.AnyAsync(s => s.Id == schoolId, ct)) throw new NotFoundException($"There is no school '{schoolId}'.");
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    private static ActionItemDto Dto(ActionPlanItem a) => new(a.Id, a.AcademicYear, a.Area, a.Action, a.Owner, a.DueOn, a.Status, a.Evidence,
        a.Source, new DateTimeOffset(a.CreatedAt, TimeSpan.Zero), a.CreatedBy);
}
