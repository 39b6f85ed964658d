using System.Text.Json;
using SendWorkflow.Rules;
using Microsoft.Extensions.Logging;
using SendWorkflow.Send.ActionPlans;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.SenAudits;

/// <summary>
/// The borough's SEN audits of its schools (seed 001, "SEN Audit": at least once every two years). The borough schedules a
/// school (the daily round schedules one whose last audit is two years old); its officer fixes the day and the team (an LA
/// officer and the SENCo of another school of the borough); the service draws two pupils at SEN support and two at SEN
/// support with outside agencies, reproducibly, and records them; on the day the team reads those four pupils' records
/// (<see cref="AccessPolicy.AuditSampleFor"/>) and gives verbal feedback; the written report follows (a PDF) and its
/// suggested actions go into the school's action plan; the follow-up visit in the autumn term is a task. The tasks run in
/// the school's statutory "sen-audit" workflow, which the borough's officers see as the school's staff do.
/// </summary>
public sealed class SenAudits(IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, CalendarRegistry calendars,
    AccessGuard guard, ActionPlans.ActionPlans plans, SenAuditViews views, TimeProvider time, ILogger<SenAudits> logger)
{
    public const string Definition = "sen-audit";
    public const string Automatic = "automatic";
    public const string ByHand = "by hand";
    /// <summary>Who the journal says scheduled an audit that fell due.</summary>
    public const string DailyRound = "daily round";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateOnly Today => UkTime.DateOf(time.GetUtcNow());

    /// <summary>Schedules the school's audit; with a day and a team, fixes them too.</summary>
    public async Task<SenAuditDto> ScheduleAsync(Caller caller, string boroughId, ScheduleAuditRequest body, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        await guard.RequireRoleAsync(caller, "schedule SEN audits", Capabilities.Of(Capabilities.RunSenAudits));
        await using var db = await factory.CreateDbContextAsync(ct);
        var problems = new ProblemCollector().Require(body.SchoolId, "schoolId", 100);
        var school = body.SchoolId is null ? null : await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == body.SchoolId, ct);
        problems.Check(body.SchoolId is null || school?.BoroughId == boroughId, "schoolId",
            $"'{body.SchoolId}' is not a school of the borough '{boroughId}'.");
        var team = new AuditTeamRequest(body.AuditOn, body.OfficerId, body.VisitingSencoId);
        var withTeam = team.AuditOn is not null || team.OfficerId is not null || team.VisitingSencoId is not null;
        if (withTeam && school?.BoroughId == boroughId)
            await AuditTeam.CheckAsync(db, problems, calendars.ForBorough(boroughId), Today, school!, team, ct);
        problems.ThrowIfAny();
        if (await SenAuditViews.CurrentAsync(db, school!.Id, ct) is { } current)
        {
            throw new ConflictException($"{school.Name} already has an SEN audit under way ({current.Status}"
                + (current.AuditOn is { } on ? $", {UkTime.Format(on)}" : "") + ").");
        }
        var audit = await StartAsync(db, school, ByHand, caller.Actor, ct);
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("sen-audit", audit.Id.ToString(), null, school.Id), 201));
        await db.SaveChangesAsync(ct);
        if (withTeam) await FixAsync(db, audit, team, caller.Actor, ct);
        return await views.DtoAsync(db, caller, audit, ct);
    }

    /// <summary>Fixes the day and the team, or moves them, before the day.</summary>
    public async Task<SenAuditDto> SetTeamAsync(Caller caller, Guid id, AuditTeamRequest body, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var audit = await RequireRunAsync(db, caller, id, ct);
        var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == audit.SchoolId, ct);
        var problems = new ProblemCollector();
        await AuditTeam.CheckAsync(db, problems, calendars.ForBorough(audit.BoroughId), Today, school, body, ct);
        problems.ThrowIfAny();
        if (!SenAuditStatuses.Pending.Contains(audit.Status) || audit.AuditOn is { } day && day < Today)
            throw new ConflictException($"The audit is {audit.Status}: its day and team can be changed until the day itself.");
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("sen-audit", id.ToString(), null, audit.SchoolId)));
        await FixAsync(db, audit, body, caller.Actor, ct);
        return await views.DtoAsync(db, caller, audit, ct);
    }

    /// <summary>
    /// Draws the audit's pupils once and records them: two at SEN support and two with outside agencies, fewer where the
    /// school has fewer (each shortfall said in the warnings). Asked again, it answers the recorded draw.
    /// </summary>
    public async Task<SenAuditDto> DrawAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var audit = await RequireRunAsync(db, caller, id, ct);
        if (audit.DrawnAt is not null) return await views.DtoAsync(db, caller, audit, ct);
        if (!SenAuditStatuses.Pending.Contains(audit.Status))
            throw new ConflictException($"The audit is {audit.Status}: its pupils are drawn before the day.");
        var register = await SenAuditViews.RegisterAsync(db, audit.SchoolId, ct);
        var drawn = AuditSampler.Draw(audit.Seed, register.Select(r => (r.PupilId, r.State)));
        var names = await views.StateNamesAsync(ct);
        new ProblemCollector().Check(drawn.Count > 0, "schoolId", "The school has no pupil at "
                + string.Join(" or ", AuditSampler.States.Select(s => names.GetValueOrDefault(s, s))) + ": there is nothing to draw.")
            .ThrowIfAny();
        var warnings = AuditSampler.States.Select(s => (State: s, Count: drawn.Count(d => d.State == s)))
            .Where(s => s.Count < AuditSampler.PerStage)
            .Select(s => $"The school has {(s.Count == 0 ? "no pupil" : "only one pupil")} at {names.GetValueOrDefault(s.State, s.State)}: "
                + $"{s.Count} of {AuditSampler.PerStage} drawn.")
            .ToList();
        var stages = register.ToDictionary(r => r.PupilId, r => r.Stage);
        db.SenAuditSamples.AddRange(drawn.Select((d, i) =>
            new SenAuditSample { AuditId = id, PupilId = d.PupilId, State = d.State, Stage = stages[d.PupilId], Position = i }));
        audit.DrawnAt = time.GetUtcNow().UtcDateTime;
        audit.DrawnBy = caller.Actor;
        audit.SampleWarnings = warnings.Count == 0 ? null : string.Join('\n', warnings);
        audit.UpdatedAt = audit.DrawnAt.Value;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("sen-audit", id.ToString(), null, audit.SchoolId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Drawn at the same moment by another request: theirs is the recorded draw (the same seed drew the same pupils).
            await using var again = await factory.CreateDbContextAsync(ct);
            return await views.DtoAsync(again, caller, await again.SenAudits.AsNoTracking().FirstAsync(a => a.Id == id, ct), ct);
        }
        return await views.DtoAsync(db, caller, audit, ct);
    }

    /// <summary>The verbal feedback at the end of the audit day, with the team's notes on provision and the SEN budget.</summary>
    public async Task<SenAuditDto> FeedbackAsync(Caller caller, Guid id, AuditFeedbackRequest body, CancellationToken ct)
    {
        new ProblemCollector().Require(body.VerbalFeedback, "verbalFeedback", 4000).Require(body.ProvisionNotes, "provisionNotes", 4000)
            .Require(body.BudgetNotes, "budgetNotes", 4000).ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        var audit = await RequireRunAsync(db, caller, id, ct);
        if (audit.Status != SenAuditStatuses.Scheduled || audit.AuditOn is not { } day)
            throw new ConflictException($"The audit is {audit.Status}: verbal feedback is recorded once, at the end of its day.");
        if (day > Today) throw new ConflictException($"The audit day is {UkTime.Format(day)}: its feedback is given at the end of the day.");
        if (audit.DrawnAt is null) throw new ConflictException("The audit's pupils have not been drawn: the team examines their files first.");
        audit.VerbalFeedback = body.VerbalFeedback!.Trim();
        audit.ProvisionNotes = body.ProvisionNotes!.Trim();
        audit.BudgetNotes = body.BudgetNotes!.Trim();
        audit.FeedbackAt = time.GetUtcNow().UtcDateTime;
        audit.FeedbackBy = caller.Actor;
        audit.Status = SenAuditStatuses.FeedbackGiven;
        audit.UpdatedAt = audit.FeedbackAt.Value;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("sen-audit", id.ToString(), null, audit.SchoolId)));
        await db.SaveChangesAsync(ct);
        await CompleteAndRaiseAsync(db, audit, "audit-day", "Verbal feedback given at the end of the day.", "feedback.given", caller.Actor, ct);
        return await views.DtoAsync(db, caller, audit, ct);
    }

    /// <summary>Issues the written report; its suggested actions go into the school's action plan, each once.</summary>
    public async Task<SenAuditDto> ReportAsync(Caller caller, Guid id, AuditReportRequest body, CancellationToken ct)
    {
        var actions = body.Actions ?? [];
        var problems = new ProblemCollector().Require(body.Findings, "findings", 8000)
            .Check(actions.Count <= 30, "actions", "A report suggests at most 30 actions.");
        for (var i = 0; i < Math.Min(actions.Count, 30); i++)
        {
            var a = actions[i];
            if (a is null)
            {
                problems.Check(false, $"actions[{i}]", $"'actions[{i}]' is empty.");
                continue;
            }
            problems.Name(a.Area, $"actions[{i}].area", 300).Name(a.Action, $"actions[{i}].action", 1000)
                .Check(a.Owner is not { Length: > 200 }, $"actions[{i}].owner", $"'actions[{i}].owner' must be at most 200 characters.")
                .Date(a.DueOn, $"actions[{i}].dueOn")
                .Check(a.DueOn is not { } due || due >= Today, $"actions[{i}].dueOn", $"'actions[{i}].dueOn' is in the past.");
        }
        problems.ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        var audit = await RequireRunAsync(db, caller, id, ct);
        if (audit.Status != SenAuditStatuses.FeedbackGiven)
            throw new ConflictException($"The audit is {audit.Status}: the written report follows the day's verbal feedback, once.");
        var suggested = actions.Select(a => new SuggestedAction(a.Area!.Trim(), a.Action!.Trim(), a.Owner?.Trim() is { Length: > 0 } o ? o : null,
            a.DueOn)).ToList();
        audit.Findings = body.Findings!.Trim();
        audit.ReportActions = JsonSerializer.Serialize(suggested, Json);
        audit.ReportedOn = Today;
        audit.ReportedBy = caller.Actor;
        audit.Status = SenAuditStatuses.Reported;
        audit.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("sen-audit", id.ToString(), null, audit.SchoolId)));
        await db.SaveChangesAsync(ct);
        var day = UkTime.Format(audit.AuditOn!.Value);
        await plans.AddFromAsync(audit.SchoolId, AcademicYear.Of(Today), "sen-audit", $"sen-audit:{id}",
            suggested.Select(a => new NewAction($"SEN audit ({day}): {a.Area}", a.Action, a.Owner, a.DueOn)).ToList(), caller.Actor, ct);
        await CompleteAndRaiseAsync(db, audit, "write-report", "The written report was issued.", "report.issued", caller.Actor, ct);
        return await views.DtoAsync(db, caller, audit, ct);
    }

    /// <summary>
    /// The schools whose last audit day is <see cref="SenAuditViews.YearsBetween"/> years old on <paramref name="today"/> (or,
    /// never audited, that joined the service that long ago): what the daily round (<see cref="ScheduleDueAsync"/>) schedules.
    /// Read on its own, so that the round reads it beside its deadlines, which it does not touch; on nearly every day it is
    /// none.
    /// </summary>
    public async Task<IReadOnlyList<School>> DueAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Every school's last audit held, in one query: the round runs daily and nearly every school is not yet due.
        var lastHeld = await SenAuditViews.LastHeldBySchoolAsync(db, boroughId: null, ct);
        return (await db.Schools.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct))
            .Where(school => SenAuditViews.NextDue(school, lastHeld.GetValueOrDefault(school.Id)) <= today).ToList();
    }

    /// <summary>
    /// The daily round: every school <see cref="DueAsync"/> found that has no audit under way gets one, with a task for the
    /// borough's LA officer to fix its day and team. Returns how many were scheduled.
    /// </summary>
    public async Task<int> ScheduleDueAsync(IReadOnlyList<School> due, CancellationToken ct)
    {
        if (due.Count == 0) return 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        var scheduled = 0;
        foreach (var school in due)
        {
            if (await SenAuditViews.CurrentAsync(db, school.Id, ct) is not null) continue;
            try
            {
                await StartAsync(db, school, Automatic, DailyRound, ct);
                scheduled++;
            }
            catch (Exception e) when (e is AlreadyRunningException or SchoolCalendarException or DefinitionNotFoundException)
            {
                // A school's audit carries no pupil's data: the school and the reason are safe to log.
                logger.LogWarning("The SEN audit of school {School} was not scheduled: {Reason}", school.Id, e.Message);
            }
        }
        return scheduled;
    }

    // Starts the school's sen-audit workflow, then records the audit with it.
    private async Task<SenAuditRecord> StartAsync(SendWorkflowDbContext db, School school, string how, string actor, CancellationToken ct)
    {
        WorkflowInstance instance;
        try
        {
            instance = await engine.StartAsync(Definition, SchoolSubject.Of(school.Id), actor, ct);
        }
        catch (AlreadyRunningException)
        {
            throw new ConflictException($"{school.Name}'s last SEN audit is still running (its follow-up visit is open).");
        }
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var audit = new SenAuditRecord
        {
            Id = id, BoroughId = school.BoroughId, SchoolId = school.Id, Status = SenAuditStatuses.ToSchedule, InstanceId = instance.Id,
            ScheduledHow = how, Seed = AuditSampler.SeedOf(id), CreatedAt = now.UtcDateTime, CreatedBy = actor, UpdatedAt = now.UtcDateTime,
        };
        db.SenAudits.Add(audit);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    // Records the day and team, then tells the workflow: the first time its fix task is done; a moved day re-plans its tasks.
    private async Task FixAsync(SendWorkflowDbContext db, SenAuditRecord audit, AuditTeamRequest team, string actor, CancellationToken ct)
    {
        var first = audit.Status == SenAuditStatuses.ToSchedule;
        var moved = audit.AuditOn != team.AuditOn;
        audit.AuditOn = team.AuditOn;
        audit.OfficerId = team.OfficerId;
        audit.VisitingSencoId = team.VisitingSencoId;
        audit.Status = SenAuditStatuses.Scheduled;
        audit.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var data = new EventData(new Dictionary<string, object?> { ["auditOn"] = team.AuditOn!.Value.ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture) });
        if (first)
        {
            await CompleteAndRaiseAsync(db, audit, "fix-day-and-team", $"The audit day is {UkTime.Format(team.AuditOn.Value)}.",
                "audit.scheduled", actor, ct, data);
        }
        else if (moved)
        {
            await engine.RaiseAsync(audit.InstanceId, new WorkflowEvent("audit.scheduled", data, actor), ct);
        }
    }

    // Completes the state's task if it is still open (it may have been ticked off in the inbox), then raises the event.
    private async Task CompleteAndRaiseAsync(SendWorkflowDbContext db, SenAuditRecord audit, string taskId, string notes, string eventName,
        string actor, CancellationToken ct, EventData? data = null)
    {
        var open = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == audit.InstanceId && t.DefinitionTaskId == taskId && t.Status == WorkTaskStatus.Open)
            .Select(t => t.Id).ToListAsync(ct);
        foreach (var task in open) await engine.CompleteTaskAsync(task, null, notes, actor, ct);
        await engine.RaiseAsync(audit.InstanceId, new WorkflowEvent(eventName, data ?? EventData.Empty, actor), ct);
    }

    // The audit, for the borough's officers (their borough's) and an administrator; 404 for others' (audited), 403 for other roles.
    private async Task<SenAuditRecord> RequireRunAsync(SendWorkflowDbContext db, Caller caller, Guid id, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "run SEN audits", Capabilities.Of(Capabilities.RunSenAudits));
        var audit = await db.SenAudits.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is not null && (caller.IsAdministrator || caller.BoroughId == audit.BoroughId)) return audit;
        await guard.AuditAsync(caller, AuditActions.Denied, "sen-audit", id.ToString(), null, audit?.SchoolId, 404);
        throw new NotFoundException($"There is no SEN audit '{id}'.");
    }
}
