using System.Text.Json;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Rules;
using SendWorkflow.Send.Calendars;

namespace SendWorkflow.Send.Cases;

/// <summary>
/// A pupil's workflows (the pathway, an assessment, annual reviews): start one, read it with its open tasks, timers and
/// facts, read its journal, and record an event, which the definition says who may record. Within the caller's scope,
/// every look and change audited.
/// </summary>
public sealed class Cases(IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, IDefinitionCatalog catalog,
    CalendarRegistry calendars, AccessGuard guard, TimeProvider time)
{
    public async Task<InstanceDto> StartAsync(Caller caller, StartInstanceRequest body, CancellationToken ct)
    {
        new ProblemCollector().Require(body.DefinitionId, "definitionId", 100).Require(body.PupilId, "pupilId", 100).ThrowIfAny();
        await guard.RequireRoleAsync(caller, "start a workflow for a pupil", Capabilities.Of(Capabilities.ChangeRecords));
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, body.PupilId!, "pupil", null, ct);
        if ((await catalog.GetPublishedAsync(body.DefinitionId!, ct)).Definition.Subject == WorkflowDefinition.SchoolSubject)
        {
            throw new RequestValidationException([new Problem(
                $"'{body.DefinitionId}' is a school's programme, not a pupil's workflow: start it for the school "
                + "(POST /api/schools/{id}/programmes).", "definitionId")]);
        }
        if (caller.Role == StaffRoles.LaOfficer && !await guard.IsStatutoryAsync(body.DefinitionId!, ct))
            await guard.RefuseAsync(caller, "instance", null, pupil.Id, pupil.SchoolId, "An LA officer starts statutory workflows only.");
        // The new instance's id is the engine's to make: the entry names the definition started.
        var started = guard.Entry(caller, AuditActions.Change, new AuditSubject("instance", body.DefinitionId, pupil.Id, pupil.SchoolId), 201);
        WorkflowInstance instance;
        using (AuditScope.Attach(started))
            instance = await engine.StartAsync(body.DefinitionId!, body.PupilId!, caller.Actor, ct);
        return await LoadAsync(db, instance.Id, ct);
    }

    public async Task<InstanceDto> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var instance = await RequireAsync(db, caller, id, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "instance", id.ToString(), instance.SubjectId, instance.SchoolId);
        return await LoadAsync(db, id, ct);
    }

    public async Task<IReadOnlyList<JournalDto>> JournalAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var instance = await RequireAsync(db, caller, id, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "journal", id.ToString(), instance.SubjectId, instance.SchoolId);
        var rows = await JournalChain.Of(db, id).OrderBy(j => j.Id).ToListAsync(ct);
        return rows.Select(j => new JournalDto(j.Id, new DateTimeOffset(j.At, TimeSpan.Zero), j.Kind, j.State, j.Detail,
            j.Data is null ? null : JsonDocument.Parse(j.Data).RootElement, j.Actor)).ToList();
    }

    /// <summary>Records an event on the instance, if the definition lets the caller's role record it.</summary>
    public async Task<EventResultDto> RaiseAsync(Caller caller, Guid id, EventRequest body, CancellationToken ct)
    {
        new ProblemCollector().Require(body.Name, "name", 100)
            .Check(body.Data is null || body.Data.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null, "data",
                "'data' must be a JSON object.")
            .ThrowIfAny();
        WorkflowInstance instance;
        await using (var db = await factory.CreateDbContextAsync(ct))
            instance = await RequireAsync(db, caller, id, ct);
        await guard.RequireRoleAsync(caller, "change a pupil's record", Capabilities.Of(Capabilities.ChangeRecords));
        var definition = (await catalog.GetAsync(instance.DefinitionId, instance.Version, ct)).Definition;
        if (!WorkflowPermissions.MayRaise(caller, definition, body.Name!))
        {
            var roles = definition.Events[body.Name!].RaisedBy!;
            await guard.RefuseAsync(caller, "instance", id.ToString(), instance.SubjectId, instance.SchoolId, roles.Count == 0
                ? $"'{body.Name}' is raised by the workflow itself, not recorded by hand."
                : $"'{body.Name}' is recorded by {string.Join(" or ", roles)}; your role ({caller.Role}) may not record it.");
        }
        var data = EventData.FromJson(body.Data);
        var declared = definition.Events.GetValueOrDefault(body.Name!)?.Data ?? [];
        var undeclared = data.Values.Keys.Where(k => !declared.ContainsKey(k)).ToList();
        if (undeclared.Count > 0)
        {
            var carries = declared.Count == 0 ? "no information" : string.Join(", ", declared.Keys);
            throw new RequestValidationException(undeclared.Select(k =>
                new Problem($"'{body.Name}' does not carry '{k}' (it carries {carries}).", $"data.{k}")).ToList());
        }
        EventOutcome outcome;
        var audit = guard.Entry(caller, AuditActions.Change, new AuditSubject("instance", id.ToString(), instance.SubjectId, instance.SchoolId));
        using (AuditScope.Attach(audit))
            outcome = await engine.RaiseAsync(id, new WorkflowEvent(body.Name!, data, caller.Actor), ct);
        return new EventResultDto(outcome.Transitioned, outcome.From, outcome.To, outcome.Rule, outcome.TransitionId, outcome.Stage,
            outcome.Status.ToString().ToLowerInvariant());
    }

    /// <summary>The pupil's workflows the caller may see (an LA officer: the statutory ones).</summary>
    public async Task<IReadOnlyList<PupilInstanceDto>> ForPupilAsync(Caller caller, string pupilId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await guard.RequirePupilAsync(db, caller, pupilId, "pupil", null, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "pupil-instances", pupilId, pupilId, pupil.SchoolId);
        var rows = await (await guard.InstancesAsync(db, caller, ct)).Where(i => i.SubjectId == pupilId).OrderBy(i => i.StartedAt)
            .ToListAsync(ct);
        return rows.Select(i => new PupilInstanceDto(i.Id, i.DefinitionId, i.Version, i.State, i.Stage,
            i.Status.ToString().ToLowerInvariant(), i.StartedAt)).ToList();
    }

    /// <summary>Tasks the caller may see, filtered and earliest due first.</summary>
    public async Task<IReadOnlyList<TaskDto>> TasksAsync(Caller caller, TaskQuery query, CancellationToken ct)
    {
        WorkTaskStatus? wanted = null;
        var problems = new ProblemCollector();
        if (query.Status is not null)
        {
            problems.Check(Enum.TryParse<WorkTaskStatus>(query.Status, true, out var parsed) && !int.TryParse(query.Status, out _),
                "status", "'status' must be open, completed or cancelled.");
            wanted = parsed;
        }
        problems.Check(query.Take is null or (> 0 and <= 5000), "take", "'take' must be between 1 and 5000.")
            .Check(query.Assignee is not { Length: > 450 }, "assignee", "'assignee' is 'me', 'none' or a member of staff's id.").ThrowIfAny();

        await using var db = await factory.CreateDbContextAsync(ct);
        var q = await guard.TasksAsync(db, caller, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "tasks", null, query.PupilId, query.SchoolId);
        if (query.SchoolId is not null) q = q.Where(t => t.SchoolId == query.SchoolId);
        if (query.PupilId is not null) q = q.OfSubject(db, query.PupilId);
        if (query.InstanceId is not null) q = q.Where(t => t.InstanceId == query.InstanceId);
        if (query.Role is not null) q = q.Where(t => t.Role == query.Role);
        if (wanted is not null) q = q.Where(t => t.Status == wanted);
        var me = caller.UserId ?? "\u0000";
        q = query.Assignee switch
        {
            null or "" => q,
            "me" => q.Where(t => t.Assignee == me),
            "none" => q.Where(t => t.Assignee == null),
            var someone => q.Where(t => t.Assignee == someone),
        };
        if (query.Overdue == true)
        {
            var today = UkTime.DateOf(time.GetUtcNow());
            q = q.Where(t => t.Status == WorkTaskStatus.Open && t.DueOn < today);
        }
        var rows = await q.OrderBy(t => t.DueOn).ThenBy(t => t.Id).Take(query.Take ?? 500).ToListAsync(ct);
        return rows.Select(TaskDto.Of).ToList();
    }

    /// <summary>The instance, if the caller may see it (its pupil in scope; for an LA officer, statutory work); else 404, audited.</summary>
    private async Task<WorkflowInstance> RequireAsync(SendWorkflowDbContext db, Caller caller, Guid id, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new InstanceNotFoundException(id);
        await guard.RequireSubjectAsync(db, caller, instance, ct);
        return instance;
    }

    private async Task<InstanceDto> LoadAsync(SendWorkflowDbContext db, Guid id, CancellationToken ct)
    {
        var i = await db.Instances.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new InstanceNotFoundException(id);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == WorkTaskStatus.Open)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Title).ToListAsync(ct);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending)
            .OrderBy(t => t.DueAt).ToListAsync(ct);
        var subject = await SubjectFacts.OfAsync(db, i, ct);
        Facts? facts = null;
        try
        {
            facts = FactsBuilder.Build(i, subject.YearGroup, "", time.GetUtcNow(), calendars.ForBorough(i.BoroughId), subject);
        }
        catch (SchoolCalendarException)
        {
            // Facts need term dates; the instance is still worth showing without them.
        }
        return new InstanceDto(i.Id, i.DefinitionId, i.Version, i.SubjectId, i.SchoolId, i.State, i.Stage,
            i.Status.ToString().ToLowerInvariant(), new DateTimeOffset(i.EnteredStateAt, TimeSpan.Zero), i.EnteredBy,
            tasks.Select(TaskDto.Of).ToList(), timers.Select(TimerDto.Of).ToList(), facts);
    }
}
