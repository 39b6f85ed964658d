using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.WorkQueues;

/// <summary>
/// The inbox's queues, one page at a time: filtered, sorted, counted and paged in the SQL query, so a school with 5,000
/// open tasks answers as quickly as one with 50. Within the caller's scope (<see cref="AccessGuard"/>); each read audited.
/// The API's <c>GET /api/tasks?queue=</c> and the Studio's inbox both come here.
/// </summary>
public sealed class TaskQueues(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, TimeProvider time)
{
    private const int DueSoonDays = 7;

    public async Task<TaskPage> PageAsync(Caller caller, TaskQueueQuery query, CancellationToken ct)
    {
        var queue = query.Queue ?? TaskQueueNames.MyWork;
        if (ProblemsOf(query) is { Count: > 0 } problems) throw new RequestValidationException(problems);
        var assigner = TaskHolders.MayAssign(caller);
        if (queue == TaskQueueNames.Everyone && !assigner)
            await guard.RequireRoleAsync(caller, "see every open task of the school", Capabilities.Of(Capabilities.AssignTasks));
        var (page, size) = (query.Page ?? 1, query.PageSize ?? TaskQueueQuery.DefaultPageSize);
        var today = UkTime.DateOf(time.GetUtcNow());
        // "Done" is this school year's: what was done in earlier years is in each pupil's chronology.
        var doneSince = UkTime.StartOf(Programmes.AcademicYear.Of(today).First).UtcDateTime;
        var who = new QueueCaller(caller.UserId ?? "\u0000", caller.IsAdministrator, StaffRoles.TaskRolesOf(caller.Role ?? ""), assigner, today,
            doneSince);

        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "tasks", null, query.PupilId, null);
        // Counted, sorted and paged on the tasks alone (a filter on the pupil or the workflow is a subquery), so SQLite reads
        // one table and its indexes; only the page's rows are joined to their pupil and workflow.
        var tasks = Filtered(db, await guard.TasksAsync(db, caller, ct), query, who);
        // One row, or none when the caller may see no open task at all; both counts read an index alone (TaskConfiguration).
        var totals = (await tasks.Where(t => t.Status == WorkTaskStatus.Open).GroupBy(_ => 1).Select(QueueRows.OpenTotals(who))
            .ToListAsync(ct)).SingleOrDefault() ?? new QueueTotals();
        totals = totals with { Done = await tasks.CountAsync(QueueRows.In(TaskQueueNames.Done, who), ct) };
        var counts = TaskQueueNames.All.Where(q => assigner || q != TaskQueueNames.Everyone).ToDictionary(q => q, totals.Of);
        var sort = query.Sort ?? (queue == TaskQueueNames.Done ? TaskSorts.Completed : TaskSorts.Due);
        var pageIds = await Sorted(tasks.Where(QueueRows.In(queue, who)), sort).Skip((page - 1) * size).Take(size).Select(t => t.Id)
            .ToListAsync(ct);
        var rowsOfPage = await RowsOf(db, db.Tasks.AsNoTracking().Where(t => pageIds.Contains(t.Id))).ToDictionaryAsync(x => x.Task.Id, ct);
        var found = pageIds.Select(id => rowsOfPage[id]).ToList();
        var ids = found.Select(r => r.Task.Assignee).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var items = found.Select(r => Item(caller, r, names, today)).ToList();
        return new TaskPage(queue, page, size, counts[queue], items, counts);
    }

    /// <summary>What the inbox's filters offer: the classes of the pupils the caller may see, and the kinds of their open tasks.</summary>
    public async Task<QueueOptions> OptionsAsync(Caller caller, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var classes = await AccessPolicy.PupilsFor(caller.User, db).Where(p => p.ClassName != null).Select(p => p.ClassName!).Distinct()
            .ToListAsync(ct);
        var kinds = await (await guard.TasksAsync(db, caller, ct)).Where(t => t.Status == WorkTaskStatus.Open).Select(t => t.Kind).Distinct()
            .ToListAsync(ct);
        return new QueueOptions(classes.Order(StringComparer.CurrentCulture).ToList(), kinds.Order(StringComparer.Ordinal).ToList(),
            TaskHolders.MayAssign(caller));
    }

    /// <summary>Every problem of the query, for a caller that has more of its own to list with them.</summary>
    public static List<Problem> ProblemsOf(TaskQueueQuery query)
    {
        var queue = query.Queue ?? TaskQueueNames.MyWork;
        (bool Ok, string Field, string Message)[] checks =
        [
            (TaskQueueNames.All.Contains(queue), "queue", $"'queue' is one of {string.Join(", ", TaskQueueNames.All)}."),
            (query.Sort is null || TaskSorts.All.Contains(query.Sort), "sort", $"'sort' is one of {string.Join(", ", TaskSorts.All)}."),
            (query.Page is null or (>= 1 and <= 100_000), "page", "'page' must be a number from 1."),
            (query.PageSize is null or (>= 1 and <= TaskQueueQuery.MaxPageSize), "pageSize",
                $"'pageSize' must be between 1 and {TaskQueueQuery.MaxPageSize}."),
            (query.Stage is null or (>= 1 and <= 9), "stage", "'stage' must be between 1 and 9."),
            (query.Search is not { Length: > 100 }, "search", "'search' must be at most 100 characters."),
            (query.ClassName is not { Length: > 100 }, "className", "'className' must be at most 100 characters."),
            (query.Kind is not { Length: > 100 }, "kind", "'kind' must be at most 100 characters."),
            (query.Assignee is not { Length: > 450 }, "assignee", "'assignee' is 'me', 'none' or a member of staff's id."),
        ];
        return checks.Where(c => !c.Ok).Select(c => new Problem(c.Message, c.Field)).ToList();
    }

    // A school's programme has no pupil: its tasks are the school's, named so.
    private static IQueryable<QueueRow> RowsOf(SendWorkflowDbContext db, IQueryable<WorkTask> tasks) =>
        from t in tasks
        join p in db.Pupils.AsNoTracking() on t.SubjectId equals p.Id into pupils
        from p in pupils.DefaultIfEmpty()
        join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id into instances
        from i in instances.DefaultIfEmpty()
        select new QueueRow
        {
            Task = t, Name = p != null ? p.Name : Inbox.SchoolWork, ClassName = p != null ? p.ClassName : null, Stage = i != null ? i.Stage : null,
        };

    private static IQueryable<WorkTask> Filtered(SendWorkflowDbContext db, IQueryable<WorkTask> tasks, TaskQueueQuery query, QueueCaller who)
    {
        if (query.PupilId is { } pupil) tasks = tasks.OfSubject(db, pupil);
        // "IN (the pupils of the class)": SQLite finds those few pupils first, then their instances and tasks by index.
        if (query.ClassName is { Length: > 0 } cls)
            tasks = tasks.OfSubjects(db, db.Pupils.Where(p => p.ClassName == cls).Select(p => p.Id));
        if (query.Stage is { } stage)
            tasks = tasks.OfInstances(db.Instances.Where(i => i.Stage == stage));
        if (query.Kind is { Length: > 0 } kind) tasks = tasks.Where(t => t.Kind == kind);
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // The school's programme is named so in the inbox, and found by that name.
            var school = Inbox.SchoolWork.Contains(search, StringComparison.OrdinalIgnoreCase);
            var named = db.Pupils.Where(p => EF.Functions.Like(p.Name, pattern, "\\")).Select(p => p.Id);
            // Through the instances of the pupils named (and of the school's own programme), as SubjectTasks finds a pupil's:
            // matching the tasks' own subject walked every open task of the school.
            tasks = tasks.OfInstances(
                db.Instances.Where(i => named.Contains(i.SubjectId) || (school && i.SubjectId.StartsWith(SchoolSubject.Prefix))));
        }
        return query.Assignee switch
        {
            null or "" => tasks,
            "me" => tasks.Where(t => t.Assignee == who.Me),
            "none" => tasks.Where(t => t.Assignee == null),
            var id => tasks.Where(t => t.Assignee == id),
        };
    }

    private static IQueryable<WorkTask> Sorted(IQueryable<WorkTask> tasks, string sort) => sort switch
    {
        TaskSorts.Priority => tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.DueOn).ThenBy(t => t.Id),
        TaskSorts.StartBy => tasks.OrderBy(t => t.StartBy == null).ThenBy(t => t.StartBy).ThenBy(t => t.DueOn).ThenBy(t => t.Id),
        TaskSorts.Completed => tasks.OrderByDescending(t => t.CompletedAt).ThenBy(t => t.Id),
        _ => tasks.OrderBy(t => t.DueOn).ThenByDescending(t => t.Priority).ThenBy(t => t.Id),
    };

    private static QueueTask Item(Caller caller, QueueRow r, Dictionary<string, string> names, DateOnly today)
    {
        var t = r.Task;
        var open = t.Status == WorkTaskStatus.Open;
        return new QueueTask(t.Id, t.InstanceId, t.SubjectId, r.Name, r.ClassName, r.Stage, t.Title, t.Role, t.Kind, t.DueOn, t.StartBy,
            t.Priority.ToString().ToLowerInvariant(), t.Status.ToString().ToLowerInvariant(), t.Assignee,
            t.Assignee is { } a ? names.GetValueOrDefault(a) : null, open && t.DueOn < today,
            open && t.DueOn >= today && t.DueOn <= today.AddDays(DueSoonDays), t.EscalatedAt is not null,
            t.CompletedAt is { } c ? new DateTimeOffset(c, TimeSpan.Zero) : null)
        {
            MayClaim = open && t.Assignee is null && TaskHolders.MayClaim(caller, t),
            MayRelease = open && t.Assignee is not null && TaskHolders.MayRelease(caller, t.Assignee),
            MayAssign = open && TaskHolders.MayAssign(caller),
        };
    }
}
