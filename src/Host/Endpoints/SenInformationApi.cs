using SendWorkflow.Send.Reports.SenInformation;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The school's SEN information report for a year: the draft as JSON, a standalone HTML page for the school's website,
/// a PDF, and a section's text saved. The work is <see cref="SenInformationReports"/>', shared with the Studio's page.
/// </summary>
public static class SenInformationApi
{
    private const string Report = "/schools/{id}/reports/sen-information";

    public static IEndpointRouteBuilder MapSenInformationApi(this IEndpointRouteBuilder api)
    {
        api.MapGet(Report, async (string id, string? year, SenInformationReports reports, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await reports.GetAsync(scope.Caller, id, year, ct))).WithTags("School");
        api.MapGet($"{Report}.html", async (string id, string? year, SenInformationReports reports, StaffScope scope, CancellationToken ct) =>
        {
            var page = await reports.HtmlAsync(scope.Caller, id, year, ct);
            return TypedResults.File(page.Content, page.ContentType);
        }).WithTags("School");
        api.MapGet($"{Report}.pdf", async (string id, string? year, SenInformationReports reports, StaffScope scope, CancellationToken ct) =>
        {
            var pdf = await reports.PdfAsync(scope.Caller, id, year, ct);
            return TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName);
        }).WithTags("School");
        api.MapPut($"{Report}/sections/{{sectionId}}", async (string id, string sectionId, string? year, SaveSenInformationTextRequest body,
            SenInformationReports reports, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await reports.SaveAsync(scope.Caller, id, sectionId, year, body, ct))).WithTags("School");
        return api;
    }
}
