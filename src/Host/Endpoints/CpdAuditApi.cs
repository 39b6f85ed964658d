using SendWorkflow.Send.CpdAudits;

namespace SendWorkflow.Host.Endpoints;

/// <summary>The SENCo's CPD audit for a school and year: read it beside last year's, save the ratings and priorities.</summary>
public static class CpdAuditApi
{
    public static IEndpointRouteBuilder MapCpdAuditApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schools/{id}/cpd-audit", async (string id, string? year, CpdAudits audits, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await audits.GetAsync(scope.Caller, id, year, ct))).WithTags("School");
        api.MapPut("/schools/{id}/cpd-audit", async (string id, string? year, SaveCpdAuditRequest body, CpdAudits audits, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await audits.SaveAsync(scope.Caller, id, year, body, ct))).WithTags("School");
        return api;
    }
}
