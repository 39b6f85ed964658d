using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Cases;

namespace SendWorkflow.Send.WorkQueues;

/// <summary>
/// Giving a task to a person: the SENCo (or the headteacher, an administrator) assigns it to someone of its role at the
/// pupil's school who works with the pupil; a person of its role claims it; whoever holds it, or someone who assigns,
/// releases it to the role. Each change goes through the engine, journaled on the task's workflow and audited in the
/// same transaction, and only if the task is still open and held by whom it was read with: a racing claim or completion
/// is never overwritten (409). Bad input lists every problem and changes nothing.
/// </summary>
public sealed class TaskAssignments(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, WorkflowEngine engine)
{
    public async Task<TaskDto> AssignAsync(Caller caller, Guid taskId, AssignTaskRequest body, CancellationToken ct)
    {
        TaskPriority? priority = null;
        var problems = new ProblemCollector().Require(body.UserId, "userId", 450).Date(body.StartBy, "startBy");
        if (body.Priority is not null)
            problems.Check(TaskPriorities.TryParse(body.Priority, out priority), "priority", "'priority' is low, normal or high.");
        problems.ThrowIfAny();
        await guard.RequireRoleAsync(caller, "assign tasks", Capabilities.Of(Capabilities.AssignTasks));
        WorkTask task;
        List<Problem> refused;
        StaffMember? staff;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            task = await guard.RequireTaskAsync(db, caller, taskId, ct);
            RequireOpen(task);
            staff = (await StaffMember.FindAsync(db, null, body.UserId, ct)).FirstOrDefault();
            var className = await db.Pupils.AsNoTracking().Where(p => p.Id == task.SubjectId).Select(p => p.ClassName).FirstOrDefaultAsync(ct);
            refused = AssigneeProblems(task, staff, body.UserId!, className, SchoolSubject.Is(task.SubjectId));
        }
        if (body.StartBy is { } start && start > task.DueOn)
            refused.Add(new Problem($"'startBy' must be on or before the day it is due, {UkTime.Format(task.DueOn)}.", "startBy"));
        if (refused.Count > 0) throw new RequestValidationException(refused);
        var change = new TaskAssignment(task.Id, TaskAssignmentKind.Assigned, task.Assignee, staff!.Id, staff.DisplayName, caller.Actor)
        {
            StartBy = body.StartBy,
            Priority = priority,
        };
        return await ChangeAsync(caller, task, change, ct);
    }

    public async Task<TaskDto> ClaimAsync(Caller caller, Guid taskId, CancellationToken ct)
    {
        WorkTask task;
        string? holder;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            task = await guard.RequireTaskAsync(db, caller, taskId, ct);
            holder = await NameOfAsync(db, task.Assignee, ct);
        }
        if (!TaskHolders.MayClaim(caller, task) || caller.UserId is null)
        {
            await guard.RefuseAsync(caller, "task", taskId.ToString(), task.SubjectId, task.SchoolId,
                $"'{task.Title}' is for {task.Role}; your role ({caller.Role ?? "none"}) may not claim it.");
        }
        RequireOpen(task);
        if (task.Assignee == caller.UserId) return TaskDto.Of(task);
        if (task.Assignee is not null) throw new ConflictException($"'{task.Title}' is already claimed by {holder}; nothing was changed.");
        return await ChangeAsync(caller, task,
            new TaskAssignment(task.Id, TaskAssignmentKind.Claimed, null, caller.UserId, caller.Actor, caller.Actor), ct);
    }

    public async Task<TaskDto> ReleaseAsync(Caller caller, Guid taskId, CancellationToken ct)
    {
        WorkTask task;
        string? holder;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            task = await guard.RequireTaskAsync(db, caller, taskId, ct);
            holder = await NameOfAsync(db, task.Assignee, ct);
        }
        var involved = TaskHolders.MayAssign(caller) || TaskHolders.MayClaim(caller, task) || task.Assignee == caller.UserId;
        if (!involved)
        {
            await guard.RefuseAsync(caller, "task", taskId.ToString(), task.SubjectId, task.SchoolId,
                $"'{task.Title}' is for {task.Role}; your role ({caller.Role ?? "none"}) may not release it.");
        }
        RequireOpen(task);
        if (task.Assignee is null) throw new ConflictException($"'{task.Title}' is not assigned to anyone; there is nothing to release.");
        if (!TaskHolders.MayRelease(caller, task.Assignee))
        {
            await guard.RefuseAsync(caller, "task", taskId.ToString(), task.SubjectId, task.SchoolId,
                $"'{task.Title}' is held by {holder}; only they or someone who assigns tasks may release it.");
        }
        return await ChangeAsync(caller, task,
            new TaskAssignment(task.Id, TaskAssignmentKind.Released, task.Assignee, null, null, caller.Actor), ct);
    }

    /// <summary>The school's staff the task may be given to: of its role, and for a pupil's task, working with the pupil's class.</summary>
    public async Task<IReadOnlyList<AssignableStaff>> CandidatesAsync(Caller caller, Guid taskId, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "assign tasks", Capabilities.Of(Capabilities.AssignTasks));
        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await guard.RequireTaskAsync(db, caller, taskId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "task-candidates", taskId.ToString(), task.SubjectId, task.SchoolId);
        var className = await db.Pupils.AsNoTracking().Where(p => p.Id == task.SubjectId).Select(p => p.ClassName).FirstOrDefaultAsync(ct);
        var school = SchoolSubject.Is(task.SubjectId);
        return (await StaffMember.FindAsync(db, task.SchoolId, null, ct))
            .Where(s => AssigneeProblems(task, s, s.Id, className, school).Count == 0)
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)
            .Select(s => new AssignableStaff(s.Id, s.DisplayName, s.Role, s.Id == task.Assignee)).ToList();
    }

    // Every reason the person may not be given the task: not on the staff of its school, not of its role, not with the pupil's class.
    private static List<Problem> AssigneeProblems(WorkTask task, StaffMember? staff, string userId, string? className, bool schoolWork)
    {
        var problems = new List<Problem>();
        if (staff is null || staff.SchoolId != task.SchoolId)
        {
            problems.Add(new Problem($"'{userId}' is not on the staff of {(schoolWork ? "the school" : "the pupil's school")}.", "userId"));
        }
        if (staff is null) return problems;
        if (!TaskHolders.MayHold(staff.Role, task))
            problems.Add(new Problem($"{staff.DisplayName} is a {staff.Role}; '{task.Title}' is for a {task.Role}.", "userId"));
        if (!schoolWork && TaskHolders.IsClassBound(staff.Role) && !staff.Teaches(className))
        {
            problems.Add(new Problem(className is null
                ? $"The pupil has no class, so {staff.DisplayName} ({staff.Role}) cannot see them."
                : $"{staff.DisplayName} does not work with {className}, the pupil's class, so cannot see the pupil.", "userId"));
        }
        return problems;
    }

    private static void RequireOpen(WorkTask task)
    {
        if (task.Status != WorkTaskStatus.Open)
        {
            throw new ConflictException(
                $"'{task.Title}' is already {task.Status.ToString().ToLowerInvariant()}; it can no longer be assigned, claimed or released.");
        }
    }

    private static async Task<string?> NameOfAsync(SendWorkflowDbContext db, string? userId, CancellationToken ct) =>
        userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            ?? "someone else";

    // Through the engine, with its audit entry in the same transaction; a change that lost a race is a conflict.
    private async Task<TaskDto> ChangeAsync(Caller caller, WorkTask task, TaskAssignment change, CancellationToken ct)
    {
        var audit = guard.Entry(caller, AuditActions.Change, new AuditSubject("task", task.Id.ToString(), task.SubjectId, task.SchoolId));
        try
        {
            using (AuditScope.Attach(audit))
                return TaskDto.Of(await engine.AssignTaskAsync(change, ct));
        }
        catch (TaskAssignmentChangedException e)
        {
            throw new ConflictException(e.Message);
        }
        catch (TaskNotOpenException)
        {
            throw new ConflictException($"'{task.Title}' was completed or cancelled meanwhile; nothing was changed.");
        }
    }
}
