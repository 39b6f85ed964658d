using SendWorkflow.Send.Reports;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The SEN governor's termly report for a school, as JSON and as a PDF: figures only, never a pupil's name. The work is
/// <see cref="GovernorReports"/>', shared with the Studio's page.
/// </summary>
public static class GovernorReportApi
{
    public static IEndpointRouteBuilder MapGovernorReportApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schools/{id}/reports/governor", async (string id, string? year, string? term, GovernorReports reports, StaffScope scope,
            CancellationToken ct) =>
            TypedResults.Ok(await reports.GetAsync(scope.Caller, id, year, term, ct))).WithTags("School");
        api.MapGet("/schools/{id}/reports/governor.pdf", async (string id, string? year, string? term, GovernorReports reports,
            StaffScope scope, CancellationToken ct) =>
        {
            var report = await reports.PdfAsync(scope.Caller, id, year, term, ct);
            return TypedResults.File(report.Pdf, "application/pdf", report.FileName);
        }).WithTags("School");
        return api;
    }
}
