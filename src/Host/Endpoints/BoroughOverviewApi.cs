using SendWorkflow.Send.Overview;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The LA officer's landing page as JSON: the borough's headline figures and each school's self-review, SEN audit, annual
/// reviews and SEN funding. The borough's LA officer, or an administrator.
/// </summary>
public static class BoroughOverviewApi
{
    public static IEndpointRouteBuilder MapBoroughOverviewApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/boroughs/{boroughId}/overview", async (string boroughId, BoroughOverviews overview, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await overview.GetAsync(scope.Caller, boroughId, ct))).WithTags("Local authority");
        return api;
    }
}
