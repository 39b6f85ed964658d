using SendWorkflow.Send.ActionPlans;

namespace SendWorkflow.Host.Endpoints;

/// <summary>The school's SEN action plan: read a year's (beside last year's), add an action, update one.</summary>
public static class ActionPlanApi
{
    public static IEndpointRouteBuilder MapActionPlanApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schools/{id}/action-plan", async (string id, string? year, ActionPlans plans, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await plans.GetAsync(scope.Caller, id, year, ct))).WithTags("School");
        api.MapPost("/schools/{id}/action-plan", async (string id, AddActionRequest body, ActionPlans plans, StaffScope scope,
            CancellationToken ct) =>
        {
            var added = await plans.AddAsync(scope.Caller, id, body, ct);
            return TypedResults.Created($"/api/action-plan/{added.Id}", added);
        }).WithTags("School");
        api.MapPut("/action-plan/{itemId:guid}", async (Guid itemId, UpdateActionRequest body, ActionPlans plans, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await plans.UpdateAsync(scope.Caller, itemId, body, ct))).WithTags("School");
        return api;
    }
}
