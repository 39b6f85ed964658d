using SendWorkflow.Send.Cases;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// Instances: start one for a pupil, read it, its journal and why it is where it is, send it events. The work is
/// <see cref="Cases"/>' and <see cref="Explanations"/>'.
/// </summary>
public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/instances").WithTags("Instances");
        g.MapPost("", async (StartInstanceRequest body, Cases cases, StaffScope scope, CancellationToken ct) =>
        {
            var instance = await cases.StartAsync(scope.Caller, body, ct);
            return TypedResults.Created($"/api/instances/{instance.Id}", instance);
        });
        g.MapGet("/{id:guid}", async (Guid id, Cases cases, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await cases.GetAsync(scope.Caller, id, ct)));
        g.MapGet("/{id:guid}/journal", async (Guid id, Cases cases, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await cases.JournalAsync(scope.Caller, id, ct)));
        g.MapGet("/{id:guid}/explain", async (Guid id, Explanations explanations, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await explanations.ExplainAsync(scope.Caller, id, ct)));
        g.MapPost("/{id:guid}/events", async (Guid id, EventRequest body, Cases cases, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await cases.RaiseAsync(scope.Caller, id, body, ct)));
        api.MapGet("/pupils/{pupilId}/instances", async (string pupilId, Cases cases, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await cases.ForPupilAsync(scope.Caller, pupilId, ct))).WithTags("Instances");
        return api;
    }
}
