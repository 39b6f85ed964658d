using SendWorkflow.Host.Statutory;

namespace SendWorkflow.Host.Api;

/// <summary>The local authority's side: borough timelines, exceptions to the time limits, open assessments, compliance.</summary>
public static class StatutoryApi
{
    public static IEndpointRouteBuilder MapStatutoryApi(this IEndpointRouteBuilder api)
    {
        var borough = api.MapGroup("/boroughs/{boroughId}").WithTags("Local authority");
        borough.MapGet("/parameters", async (string boroughId, BoroughTimelines t, CancellationToken ct) =>
            TypedResults.Ok(await t.GetAsync(boroughId, ct)));
        borough.MapPut("/parameters", async (string boroughId, SaveBoroughParametersRequest body, BoroughTimelines t, CancellationToken ct) =>
            TypedResults.Ok(await t.SaveAsync(boroughId, body, ct)));
        borough.MapGet("/parameters/history", async (string boroughId, BoroughTimelines t, CancellationToken ct) =>
            TypedResults.Ok(await t.HistoryAsync(boroughId, ct)));
        borough.MapPost("/parameters/apply", async (string boroughId, ApplyBoroughParametersRequest body, BoroughTimelines t, CancellationToken ct) =>
            TypedResults.Ok(await t.ApplyAsync(boroughId, body, ct)));
        borough.MapGet("/assessments", async (string boroughId, ComplianceReports r, CancellationToken ct) =>
            TypedResults.Ok(await r.OpenAssessmentsAsync(boroughId, ct)));
        borough.MapGet("/compliance", async (string boroughId, DateOnly? from, DateOnly? to, ComplianceReports r, CancellationToken ct) =>
            TypedResults.Ok((await r.ComplianceAsync(boroughId, from, to, ct))[0]));

        var compliance = api.MapGroup("/compliance").WithTags("Local authority");
        compliance.MapGet("", async (DateOnly? from, DateOnly? to, ComplianceReports r, CancellationToken ct) =>
            TypedResults.Ok(await r.ComplianceAsync(null, from, to, ct)));
        compliance.MapGet("/sen2.csv", async (string? boroughId, DateOnly? from, DateOnly? to, ComplianceReports r, CancellationToken ct) =>
            TypedResults.Text(await r.Sen2CsvAsync(boroughId, from, to, ct), "text/csv; charset=utf-8"));

        var exceptions = api.MapGroup("/instances/{id:guid}/exceptions").WithTags("Local authority");
        exceptions.MapGet("", async (Guid id, StatutoryExceptions x, CancellationToken ct) => TypedResults.Ok(await x.ListAsync(id, ct)));
        exceptions.MapPost("", async (Guid id, RecordExceptionRequest body, StatutoryExceptions x, CancellationToken ct) =>
        {
            var recorded = await x.RecordAsync(id, body, ct);
            return TypedResults.Created($"/api/instances/{id}/exceptions/{recorded.Id}", recorded);
        });
        return api;
    }
}
