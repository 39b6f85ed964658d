using Microsoft.AspNetCore.Mvc;
using SendWorkflow.Send.Play;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// Play ("Try it"): run a definition's draft for a fictional test pupil on a private simulated clock, step by step, and
/// save the steps as scenarios to replay after editing. For those who may change the draft's variant (<c>?scope=</c>, else
/// their own). A session that has ended answers 410 Gone.
/// </summary>
public static class PlayApi
{
    private const string Design = "try definitions";

    public static IEndpointRouteBuilder MapPlayApi(this IEndpointRouteBuilder api)
    {
        // A start may carry the designer's unsaved draft, as large as a definition may be.
        var g = api.MapGroup("/definitions/{id}").WithTags("Play").WithMetadata(new RequestSizeLimitAttribute(4 * 1024 * 1024))
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (PlaySessionGoneException gone)
                {
                    return TypedResults.Problem(new ProblemDetails
                    {
                        Status = StatusCodes.Status410Gone, Title = "The Play session has ended", Detail = gone.Message,
                        Type = "https://httpstatuses.io/410", Extensions = { ["errors"] = new[] { new Problem(gone.Message, "sessionId") } },
                    });
                }
            });
        g.MapPost("/play", async (string id, string? scope, PlayStart? body, PlaySessions play, StaffScope staff, CancellationToken ct) =>
            TypedResults.Ok(await play.StartAsync(staff.Caller, id, scope, body ?? new PlayStart(), ct)))
            .RequireStaffRole(Design, Capabilities.DesignDefinitions);
        g.MapGet("/play/{sessionId:guid}", async (string id, Guid sessionId, PlaySessions play, StaffScope staff, CancellationToken ct) =>
            TypedResults.Ok(await play.GetAsync(staff.Caller, id, sessionId, ct)))
            .RequireStaffRole(Design, Capabilities.DesignDefinitions);
        g.MapPost("/play/{sessionId:guid}/steps", async (string id, Guid sessionId, PlayStep body, PlaySessions play, StaffScope staff,
            CancellationToken ct) => TypedResults.Ok(await play.StepAsync(staff.Caller, id, sessionId, body, ct)))
            .RequireStaffRole(Design, Capabilities.DesignDefinitions);
        g.MapDelete("/play/{sessionId:guid}", async (string id, Guid sessionId, PlaySessions play, StaffScope staff, CancellationToken ct) =>
        {
            await play.CloseAsync(staff.Caller, id, sessionId, ct);
            return TypedResults.NoContent();
        }).RequireStaffRole(Design, Capabilities.DesignDefinitions);
        g.MapGet("/scenarios", async (string id, string? scope, PlayScenarios scenarios, StaffScope staff, CancellationToken ct) =>
            TypedResults.Ok(await scenarios.ListAsync(staff.Caller, id, scope, ct)))
            .RequireStaffRole(Design, Capabilities.DesignDefinitions);
        g.MapPost("/scenarios", async (string id, string? scope, ScenarioSave body, PlayScenarios scenarios, StaffScope staff,
            CancellationToken ct) => TypedResults.Ok(await scenarios.SaveAsync(staff.Caller, id, scope, body, ct)))
            .RequireStaffRole(Design, Capabilities.DesignDefinitions);
        g.MapPost("/scenarios/{name}/rename", async (string id, string name, string? scope, ScenarioRename body, PlayScenarios scenarios,
            StaffScope staff, CancellationToken ct) => TypedResults.Ok(await scenarios.RenameAsync(staff.Caller, id, scope, name, body, ct)))
            .RequireStaffRole(Design, Capabilities.DesignDefinitions);
        g.MapDelete("/scenarios/{name}", async (string id, string name, string? scope, PlayScenarios scenarios, StaffScope staff,
            CancellationToken ct) =>
        {
            await scenarios.DeleteAsync(staff.Caller, id, scope, name, ct);
            return TypedResults.NoContent();
        }).RequireStaffRole(Design, Capabilities.DesignDefinitions);
        g.MapPost("/scenarios/{name}/replay", async (string id, string name, string? scope, PlayScenarios scenarios, StaffScope staff,
            CancellationToken ct) => TypedResults.Ok(await scenarios.ReplayAsync(staff.Caller, id, scope, name, ct)))
            .RequireStaffRole(Design, Capabilities.DesignDefinitions);
        return api;
    }
}
