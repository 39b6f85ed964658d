using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Security;
using SendWorkflow.Persistence;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Host.Endpoints;

public sealed record CompleteTaskRequest(string? Outcome, string? Notes, Dictionary<string, string>? Form = null);
public sealed record TaskDto(
    Guid Id, Guid InstanceId, string PupilId, string SchoolId, string State, string Title, string Role, string Kind,
    DateOnly DueOn, string Status, string? Raises, string? Outcome, DateTimeOffset? CompletedAt, DateOnly? WarnOn,
    bool Warned, bool Escalated, string EscalateTo, Guid? EscalationOf, string? Notes);

/// <summary>Tasks: the inbox query and completion.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/tasks").WithTags("Tasks");
        g.MapGet("", Query);
        g.MapGet("/{id:guid}", async (Guid id, Inbox inbox, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await inbox.FindAsync(scope.Caller, id, ct))));
        g.MapPost("/{id:guid}/complete", Complete);
        g.MapGet("/{id:guid}/form", async (Guid id, Inbox inbox, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok((await inbox.OpenAsync(scope.Caller, id, ct)).Fields));
        return api;
    }

    private static async Task<IResult> Query(SendWorkflowDbContext db, TimeProvider time, StaffScope scope, string? schoolId, string? pupilId,
        Guid? instanceId, string? role, string? status, bool? overdue, int? take, CancellationToken ct)
    {
        WorkTaskStatus? wanted = null;
        var problems = new ProblemCollector();
        if (status is not null)
        {
            problems.Check(Enum.TryParse<WorkTaskStatus>(status, true, out var parsed) && !int.TryParse(status, out _), "status",
                "'status' must be open, completed or cancelled.");
            wanted = parsed;
        }
        problems.Check(take is null or (> 0 and <= 5000), "take", "'take' must be between 1 and 5000.").ThrowIfAny();

        var q = AccessPolicy.TasksFor(scope.Principal, db);
        scope.Audit(AuditActions.Read, "tasks", null, pupilId, schoolId);
        if (schoolId is not null) q = q.Where(t => t.SchoolId == schoolId);
        if (pupilId is not null) q = q.Where(t => t.SubjectId == pupilId);
        if (instanceId is not null) q = q.Where(t => t.InstanceId == instanceId);
        if (role is not null) q = q.Where(t => t.Role == role);
        if (wanted is not null) q = q.Where(t => t.Status == wanted);
        if (overdue == true)
        {
            var today = UkTime.DateOf(time.GetUtcNow());
            q = q.Where(t => t.Status == WorkTaskStatus.Open && t.DueOn < today);
        }
        var rows = await q.OrderBy(t => t.DueOn).ThenBy(t => t.Id).Take(take ?? 500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToDto));
    }

    private static async Task<IResult> Complete(Guid id, CompleteTaskRequest? body, Inbox inbox, StaffScope scope, CancellationToken ct)
    {
        var result = await inbox.CompleteAsync(scope.Caller, id, new TaskAnswer(body?.Outcome, body?.Notes, body?.Form), ct);
        return TypedResults.Ok(new
        {
            task = ToDto(result.Task),
            transitioned = result.Outcome?.Transitioned ?? false,
            from = result.Outcome?.From,
            to = result.Outcome?.To,
            rule = result.Outcome?.Rule,
        });
    }

    internal static TaskDto ToDto(WorkTask t) => new(t.Id, t.InstanceId, t.SubjectId, t.SchoolId, t.State, t.Title, t.Role, t.Kind,
        t.DueOn, t.Status.ToString().ToLowerInvariant(), t.Raises, t.Outcome,
        t.CompletedAt is { } c ? new DateTimeOffset(c, TimeSpan.Zero) : null, t.WarnOn, t.WarnedAt is not null,
        t.EscalatedAt is not null && t.Kind != "escalation", t.EscalateTo, t.EscalationOf, t.Notes);
}
