using SendWorkflow.Send.Flow;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// How pupils flow through a definition, for its canvas: per state the pupils in it now, their median school weeks there
/// and the share with overdue tasks; per arrow the pupils who took it in the period. Counts within the caller's scope
/// (a SENCo their school's pupils, an LA officer their borough's), for those who may read definitions.
/// </summary>
public static class FlowApi
{
    public static IEndpointRouteBuilder MapFlowApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/definitions/{id}/flow", async (string id, string? version, DateOnly? from, DateOnly? to, PathwayFlow flow, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await flow.GetAsync(scope.Caller, id, version, from, to, ct)))
            .WithTags("Definitions")
            .RequireStaffRole("see how pupils flow through a pathway", Capabilities.ReadDefinitions);
        return api;
    }
}
