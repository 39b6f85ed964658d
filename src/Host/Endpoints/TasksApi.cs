using SendWorkflow.Send.Cases;
using SendWorkflow.Send.WorkQueues;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

public sealed record CompleteTaskRequest(string? Outcome, string? Notes, Dictionary<string, string>? Form = null);

/// <summary>
/// Tasks: the query (a list, or with <c>queue</c>, <c>page</c> or <c>pageSize</c> a page of an inbox queue with its total), a
/// task and its form, completion, and who holds it (assign, claim, release). The work is <see cref="Cases"/>',
/// <see cref="TaskQueues"/>', <see cref="Inbox"/>' and <see cref="TaskAssignments"/>'.
/// </summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/tasks").WithTags("Tasks");
        g.MapGet("", Query);
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
        g.MapPost("/{id:guid}/assign", async (Guid id, AssignTaskRequest? body, TaskAssignments assignments, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await assignments.AssignAsync(scope.Caller, id, body ?? new AssignTaskRequest(null), ct)));
        g.MapPost("/{id:guid}/claim", async (Guid id, TaskAssignments assignments, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await assignments.ClaimAsync(scope.Caller, id, ct)));
        g.MapPost("/{id:guid}/release", async (Guid id, TaskAssignments assignments, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await assignments.ReleaseAsync(scope.Caller, id, ct)));
        g.MapGet("/{id:guid}/candidates", async (Guid id, TaskAssignments assignments, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await assignments.CandidatesAsync(scope.Caller, id, ct)));
        return api;
    }

    /// <summary>
    /// The list as it always was; given a queue or a page, one page of that queue (filtered, sorted and paged in the query)
    /// with the total, so a client never has to fetch thousands of tasks to show twenty-five.
    /// </summary>
    private static async Task<IResult> Query([AsParameters] TaskQueryParameters q, Cases cases, TaskQueues queues, StaffScope scope,
        CancellationToken ct)
    {
        if (q.Queue is null && q.Page is null && q.PageSize is null)
        {
            return TypedResults.Ok(await cases.TasksAsync(scope.Caller,
                new TaskQuery(q.SchoolId, q.PupilId, q.InstanceId, q.Role, q.Status, q.Overdue, q.Take, q.Assignee), ct));
        }
        (string Name, object? Value)[] listOnly =
        [
            ("schoolId", q.SchoolId), ("instanceId", q.InstanceId), ("role", q.Role), ("status", q.Status), ("overdue", q.Overdue),
            ("take", q.Take),
        ];
        var query = new TaskQueueQuery(q.Queue, q.Assignee, q.PupilId, q.ClassName, q.Stage, q.Kind, q.Search, q.Sort, q.Page, q.PageSize);
        var problems = TaskQueues.ProblemsOf(query);
        problems.AddRange(listOnly.Where(f => f.Value is not null).Select(f => new Problem(
            $"'{f.Name}' filters the list, not a queue's page: leave it out, or leave out queue, page and pageSize.", f.Name)));
        if (problems.Count > 0) throw new RequestValidationException(problems);
        return TypedResults.Ok(await queues.PageAsync(scope.Caller, query, ct));
    }
}

/// <summary>The query string of <c>GET /api/tasks</c>: the list's filters, and a queue's.</summary>
public sealed record TaskQueryParameters(
    string? SchoolId, string? PupilId, Guid? InstanceId, string? Role, string? Status, bool? Overdue, int? Take, string? Assignee,
    string? Queue, int? Page, int? PageSize, string? ClassName, int? Stage, string? Kind, string? Search, string? Sort);
