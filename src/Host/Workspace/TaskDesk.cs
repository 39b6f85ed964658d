using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Api;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Host.Security;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Workspace;

/// <summary>The inbox page's work: my role's open tasks, a task's form, and completing it through the engine.</summary>
public sealed class TaskDesk(IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, PupilRecords records,
    AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(ClaimsPrincipal user, string? className, int? stage, string? kind, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        audit.Audit(user, "/inbox", AuditActions.Read, "inbox", null, null, null);
        return await InboxApi.InboxAsync(db, user, time, null, className, stage, kind, 500, ct);
    }

    /// <summary>The task and its form, or null when it is not the user's to see.</summary>
    public async Task<OpenedTask?> OpenAsync(ClaimsPrincipal user, Guid taskId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await AccessPolicy.TasksFor(user, db).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            audit.Audit(user, "/inbox", AuditActions.Denied, "task", taskId.ToString(), null, null, 404);
            return null;
        }
        audit.Audit(user, "/inbox", AuditActions.Read, "task", taskId.ToString(), task.PupilId, task.SchoolId);
        return new OpenedTask(task.Id, task.PupilId, task.Title, task.Kind, task.DueOn, TaskForms.For(task.Kind, task.DefinitionTaskId));
    }

    /// <summary>
    /// Checks the form as the API does and completes the task, which raises the workflow's event in the same
    /// transaction; answers with the pupil as they are afterwards. A task that is no longer open (a second click, a
    /// colleague first) is refused by the engine and nothing is recorded twice.
    /// </summary>
    public async Task<TaskSubmission> CompleteAsync(ClaimsPrincipal user, Guid taskId, IReadOnlyDictionary<string, string?> form, CancellationToken ct)
    {
        const string path = "/inbox";
        if (!AccessPolicy.Is(user, [.. StaffRoles.Writers])) return TaskSubmission.Refused("Your role may read tasks but not complete them.");
        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await AccessPolicy.TasksFor(user, db).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            audit.Audit(user, path, AuditActions.Denied, "task", taskId.ToString(), null, null, 404, "POST");
            return TaskSubmission.Refused("There is no such task.");
        }
        // Empty optional fields are left out, as a person leaving a box blank means "nothing to say".
        var values = form.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!.Trim());
        var problems = TaskForms.Check(task.Kind, task.DefinitionTaskId, values, null);
        if (problems.Count > 0) return TaskSubmission.Invalid(problems);
        if (task.Status != WorkTaskStatus.Open) return TaskSubmission.Refused(AlreadyDone);

        try
        {
            await engine.CompleteTaskAsync(taskId, task.Kind == "review" ? values.GetValueOrDefault("progress") : null,
                values.GetValueOrDefault("notes"), AccessPolicy.Actor(user), ct, values);
        }
        catch (TaskNotOpenException)
        {
            return TaskSubmission.Refused(AlreadyDone);
        }
        catch (EventDataException e)
        {
            return TaskSubmission.Invalid(e.Problems.Select(p => new Problem(p)).ToList());
        }
        audit.Audit(user, path, AuditActions.Change, "task", taskId.ToString(), task.PupilId, task.SchoolId, 200, "POST");
        var pupil = await db.Pupils.AsNoTracking().FirstAsync(p => p.Id == task.PupilId, ct);
        var view = await records.GetAsync(pupil, statutoryOnly: AccessPolicy.Is(user, StaffRoles.LaOfficer), ct);
        return new TaskSubmission(true, [], $"Completed '{task.Title}'.", view);
    }

    private const string AlreadyDone = "This task has already been completed (perhaps the form was sent twice); nothing was recorded again.";
}
