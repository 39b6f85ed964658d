using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Ipm;

namespace SendWorkflow.Send.Workspace;

/// <summary>
/// The staff's inbox: the open tasks of the caller's role for the pupils they may see and their school's programmes, overdue first, then the soonest
/// due, leaving out those a colleague holds; a task with its form; and completing it, which raises the workflow's event in the same
/// transaction. The API and the Studio's inbox page both come here (the page reads its queues a page at a time from WorkQueues.TaskQueues).
/// </summary>
public sealed class Inbox(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, WorkflowEngine engine, PupilRecords records,
    IDefinitionCatalog catalog, TimeProvider time)
{
    private const string AlreadyDone = "This task has already been completed (perhaps the form was sent twice); nothing was recorded again.";

    private const int DueSoonDays = 7;

    /// <summary>What the inbox shows in place of a pupil's name for a task of the school's own programme.</summary>
    public const string SchoolWork = "The school's programme";

    public async Task<IReadOnlyList<InboxItem>> ListAsync(Caller caller, InboxFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "inbox", null, filter.PupilId, null);
        var today = UkTime.DateOf(time.GetUtcNow());
        // A school's programme has no pupil: its tasks are the school's, named so.
        var open = (await guard.TasksAsync(db, caller, ct)).Where(t => t.Status == WorkTaskStatus.Open);
        if (filter.PupilId is not null) open = open.OfSubject(db, filter.PupilId);
        var q = from t in open
                join p in db.Pupils.AsNoTracking() on t.SubjectId equals p.Id into pupils
                from p in pupils.DefaultIfEmpty()
                join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
                select new { t, Name = p != null ? p.Name : SchoolWork, ClassName = p != null ? p.ClassName : null, i.Stage };
        if (!caller.IsAdministrator)
        {
            var roles = StaffRoles.TaskRolesOf(caller.Role ?? "");
            q = q.Where(x => roles.Contains(x.t.Role));
        }
        // A task someone has claimed or been given is theirs, not the rest of the role's (the queues: WorkQueues.TaskQueues).
        var me = caller.UserId ?? "";
        q = q.Where(x => x.t.Assignee == null || x.t.Assignee == me);
        if (filter.ClassName is not null) q = q.Where(x => x.ClassName == filter.ClassName);
        if (filter.Stage is not null) q = q.Where(x => x.Stage == filter.Stage);
        if (filter.Kind is not null) q = q.Where(x => x.t.Kind == filter.Kind);
        var rows = await q.OrderBy(x => x.t.DueOn).ThenBy(x => x.Name).Take(filter.Take).ToListAsync(ct);
        return rows.Select(x => new InboxItem(x.t.Id, x.t.InstanceId, x.t.SubjectId, x.Name, x.ClassName, x.Stage, x.t.State, x.t.Title,
            x.t.Role, x.t.Kind, x.t.DueOn, x.t.DueOn < today, x.t.DueOn >= today && x.t.DueOn <= today.AddDays(DueSoonDays), x.t.Raises)).ToList();
    }

    /// <summary>The task, if its pupil (and for an LA officer, its workflow) is in the caller's scope; otherwise 404, audited.</summary>
    public async Task<WorkTask> FindAsync(Caller caller, Guid taskId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await guard.RequireTaskAsync(db, caller, taskId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "task", taskId.ToString(), task.SubjectId, task.SchoolId);
        return task;
    }

    /// <summary>The task with the form it is completed with.</summary>
    public async Task<OpenedTask> OpenAsync(Caller caller, Guid taskId, CancellationToken ct)
    {
        var task = await FindAsync(caller, taskId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return new OpenedTask(task.Id, task.SubjectId, task.Title, task.Kind, task.DueOn,
            await LiveForms.ForAsync(db, task, UkTime.DateOf(time.GetUtcNow()), ct), task.Status == WorkTaskStatus.Open);
    }

    /// <summary>
    /// Checks the answer against the task's form and completes the task, which raises the workflow's event in the same
    /// transaction. A task that is no longer open (a form sent twice, a colleague first) is refused by the engine and
    /// nothing is recorded twice.
    /// </summary>
    public async Task<TaskCompletion> CompleteAsync(Caller caller, Guid taskId, TaskAnswer answer, CancellationToken ct)
    {
        new ProblemCollector()
            .Check(answer.Outcome is null || answer.Outcome.Length <= 100, "outcome", "'outcome' must be at most 100 characters.")
            .Check(answer.Notes is null || answer.Notes.Length <= 4000, "notes", "'notes' must be at most 4000 characters.")
            .ThrowIfAny();
        WorkTask task;
        WorkflowInstance instance;
        IReadOnlyList<FormField> fields;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            task = await guard.RequireTaskAsync(db, caller, taskId, ct);
            instance = await db.Instances.AsNoTracking().FirstAsync(i => i.Id == task.InstanceId, ct);
            fields = await LiveForms.ForAsync(db, task, UkTime.DateOf(time.GetUtcNow()), ct);
        }
        await guard.RequireRoleAsync(caller, "complete tasks", Capabilities.Of(Capabilities.ChangeRecords));
        var definition = (await catalog.GetAsync(instance.DefinitionId, instance.Version, ct)).Definition;
        if (!WorkflowPermissions.MayComplete(caller, task, definition))
        {
            await guard.RefuseAsync(caller, "task", taskId.ToString(), task.SubjectId, task.SchoolId,
                $"'{task.Title}' is for {string.Join(" or ", WorkflowPermissions.CompletersOf(task, definition))}; "
                + $"your role ({caller.Role}) may not complete it.");
        }
        // A form is checked against the task's own form (a review's with the pupil's targets and interventions); callers
        // that send only an outcome and notes keep working.
        var (problems, resolved, recorded) = ReviewForms.Resolve(fields, answer.Form, answer.Outcome);
        if (problems.Count > 0) throw new RequestValidationException(problems);
        var outcome = TaskForms.RecordsProgress(task) ? resolved
            : answer.Outcome ?? (TaskForms.OutcomeField(task) is { } field ? answer.Form?.GetValueOrDefault(field) : null);
        var notes = answer.Notes ?? answer.Form?.GetValueOrDefault("notes");
        var audit = guard.Entry(caller, AuditActions.Change, new AuditSubject("task", taskId.ToString(), task.SubjectId, task.SchoolId));
        using (AuditScope.Attach(audit))
            return await engine.CompleteTaskAsync(taskId, outcome, notes, caller.Actor, ct, recorded);
    }

    /// <summary>
    /// Completing a task from a page: empty boxes are left out (a person leaving a box blank means "nothing to say"),
    /// and the answer is what the page shows: the problems to fix beside their fields, or the pupil as they are now.
    /// </summary>
    public async Task<TaskSubmission> SubmitAsync(Caller caller, Guid taskId, IReadOnlyDictionary<string, string?> form, CancellationToken ct)
    {
        var values = form.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!.Trim());
        TaskCompletion done;
        try
        {
            done = await CompleteAsync(caller, taskId, new TaskAnswer(null, null, values), ct);
        }
        catch (ForbiddenException e)
        {
            return TaskSubmission.Refused(e.Message);
        }
        catch (NotFoundException)
        {
            return TaskSubmission.Refused("There is no such task.");
        }
        catch (RequestValidationException e)
        {
            return TaskSubmission.Invalid(e.Problems);
        }
        catch (TaskNotOpenException)
        {
            return TaskSubmission.Refused(AlreadyDone);
        }
        catch (EventDataException e)
        {
            return TaskSubmission.Invalid(e.Problems.Select(p => new Problem(p)).ToList());
        }
        // The school's own programme has no pupil to show: the page says what was done instead.
        if (SchoolSubject.Is(done.Task.SubjectId))
        {
            var followUps = values.TryGetValue("followUpActions", out var lines) && lines.Length > 0
                ? " Its follow-up actions are in the school's action plan."
                : "";
            return new TaskSubmission(true, [], $"Completed '{done.Task.Title}'.{followUps}", null);
        }
        var view = await records.GetAsync(caller.With("GET"), done.Task.SubjectId, ct);
        return new TaskSubmission(true, [], $"Completed '{done.Task.Title}'.", view);
    }
}

/// <summary>Which of the inbox's tasks to show.</summary>
public sealed record InboxFilter(string? PupilId = null, string? ClassName = null, int? Stage = null, string? Kind = null, int Take = 200);

/// <summary>What a member of staff records when completing a task: an outcome and notes, or the task's form.</summary>
public sealed record TaskAnswer(string? Outcome, string? Notes, IReadOnlyDictionary<string, string>? Form = null);
