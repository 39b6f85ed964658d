using SendWorkflow.Send.Cases;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

public sealed record CompleteTaskRequest(string? Outcome, string? Notes, Dictionary<string, string>? Form = null);

/// <summary>Tasks: the query, a task and its form, and completion. The work is <see cref="Cases"/>' and <see cref="Inbox"/>'.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/tasks").WithTags("Tasks");
        g.MapGet("", async (string? schoolId, string? pupilId, Guid? instanceId, string? role, string? status, bool? overdue, int? take,
            Cases cases, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await cases.TasksAsync(scope.Caller, new TaskQuery(schoolId, pupilId, instanceId, role, status, overdue, take), ct)));
        g.MapGet("/{id:guid}", async (Guid id, Inbox inbox, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(TaskDto.Of(await inbox.FindAsync(scope.Caller, id, ct))));
        g.MapPost("/{id:guid}/complete", async (Guid id, CompleteTaskRequest? body, Inbox inbox, StaffScope scope, CancellationToken ct) =>
        {
            var result = await inbox.CompleteAsync(scope.Caller, id, new TaskAnswer(body?.Outcome, body?.Notes, body?.Form), ct);
            return TypedResults.Ok(new
            {
                task = TaskDto.Of(result.Task),
                transitioned = result.Outcome?.Transitioned ?? false,
                from = result.Outcome?.From,
                to = result.Outcome?.To,
                rule = result.Outcome?.Rule,
            });
        });
        g.MapGet("/{id:guid}/form", async (Guid id, Inbox inbox, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok((await inbox.OpenAsync(scope.Caller, id, ct)).Fields));
        return api;
    }
}
