using SendWorkflow.Send.Flow;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// How pupils flow through a definition, for its canvas: per state the pupils in it now, their median school weeks there
/// and the share with overdue tasks; per arrow the pupils who took it in the period. Counts within the caller's scope
/// (a SENCo their school's pupils, an LA officer their borough's), for those who may read definitions. Beside it, the charts
/// of the same journal: the school's pupils per stage through the year, and the borough's monthly timeliness.
/// </summary>
public static class FlowApi
{
    public static IEndpointRouteBuilder MapFlowApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/definitions/{id}/flow", async (string id, string? version, DateOnly? from, DateOnly? to, PathwayFlow flow, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await flow.GetAsync(scope.Caller, id, version, from, to, ct)))
            .WithTags("Definitions")
            .RequireStaffRole("see how pupils flow through a pathway", Capabilities.ReadDefinitions);
        // The school's chart: pupils at each stage, week by week (counts only: its governors see it too).
        api.MapGet("/schools/{schoolId}/pathway-stages", async (string schoolId, DateOnly? from, DateOnly? to, PathwayStages stages,
            StaffScope scope, CancellationToken ct) => TypedResults.Ok(await stages.GetAsync(scope.Caller, schoolId, from, to, ct)))
            .WithTags("School views");
        // The borough's chart: each month's share of decisions within 6 weeks and of plans within 20 weeks.
        api.MapGet("/boroughs/{boroughId}/compliance/monthly", async (string boroughId, DateOnly? from, DateOnly? to,
            MonthlyCompliance compliance, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await compliance.GetAsync(scope.Caller, boroughId, from, to, ct)))
            .WithTags("Local authority");
        return api;
    }
}
