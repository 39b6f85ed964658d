using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Persistence;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Host.Api;

public sealed record CompleteTaskRequest(string? Outcome, string? Notes);
public sealed record TaskDto(
    Guid Id, Guid InstanceId, string PupilId, string SchoolId, string State, string Title, string Role, string Kind,
    DateOnly DueOn, string Status, string? Raises, string? Outcome, DateTimeOffset? CompletedAt, DateOnly? WarnOn,
    bool Warned, bool Escalated, string EscalateTo, Guid? EscalationOf);

/// <summary>Tasks: the inbox query and completion.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/tasks").WithTags("Tasks");
        g.MapGet("", Query);
        g.MapGet("/{id:guid}", async (Guid id, SendWorkflowDbContext db, CancellationToken ct) =>
            await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t
                ? TypedResults.Ok(ToDto(t))
                : throw new TaskNotFoundException(id));
        g.MapPost("/{id:guid}/complete", Complete);
        return api;
    }

    private static async Task<IResult> Query(SendWorkflowDbContext db, TimeProvider time, string? schoolId, string? pupilId,
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

        var q = db.Tasks.AsNoTracking();
        if (schoolId is not null) q = q.Where(t => t.SchoolId == schoolId);
        if (pupilId is not null) q = q.Where(t => t.PupilId == pupilId);
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

    private static async Task<IResult> Complete(Guid id, CompleteTaskRequest? body, WorkflowEngine engine, CancellationToken ct)
    {
        new ProblemCollector()
            .Check(body?.Outcome is null || body.Outcome.Length <= 100, "outcome", "'outcome' must be at most 100 characters.")
            .Check(body?.Notes is null || body.Notes.Length <= 4000, "notes", "'notes' must be at most 4000 characters.")
            .ThrowIfAny();
        var result = await engine.CompleteTaskAsync(id, body?.Outcome, body?.Notes, "api", ct);
        return TypedResults.Ok(new
        {
            task = ToDto(result.Task),
            transitioned = result.Outcome?.Transitioned ?? false,
            from = result.Outcome?.From,
            to = result.Outcome?.To,
            rule = result.Outcome?.Rule,
        });
    }

    internal static TaskDto ToDto(WorkTask t) => new(t.Id, t.InstanceId, t.PupilId, t.SchoolId, t.State, t.Title, t.Role, t.Kind,
        t.DueOn, t.Status.ToString().ToLowerInvariant(), t.Raises, t.Outcome,
        t.CompletedAt is { } c ? new DateTimeOffset(c, TimeSpan.Zero) : null, t.WarnOn, t.WarnedAt is not null,
        t.EscalatedAt is not null && t.Kind != "escalation", t.EscalateTo, t.EscalationOf);
}
