using SendWorkflow.Send.Funding;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// SEN funding in two stages: the borough records each school's allocation and reads allocation against spending (as
/// JSON, CSV and PDF); the school sends its budget plan and its outturn, which its costed provision map fills. The work is
/// <see cref="SenFunding"/>', shared with the Studio's pages.
/// </summary>
public static class FundingApi
{
    public static IEndpointRouteBuilder MapFundingApi(this IEndpointRouteBuilder api)
    {
        var borough = api.MapGroup("/boroughs/{boroughId}/funding/{year}").WithTags("Local authority");
        borough.MapGet("", async (string boroughId, string year, SenFunding funding, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await funding.BoroughAsync(scope.Caller, boroughId, year, ct)));
        borough.MapGet("/report.csv", async (string boroughId, string year, SenFunding funding, StaffScope scope, CancellationToken ct) =>
            TypedResults.Text(Csv.Write(FundingTables.Borough(await funding.BoroughAsync(scope.Caller, boroughId, year, ct))),
                "text/csv; charset=utf-8"));
        borough.MapGet("/report.pdf", async (string boroughId, string year, SenFunding funding, StaffScope scope, CancellationToken ct) =>
        {
            var report = await funding.BoroughPdfAsync(scope.Caller, boroughId, year, ct);
            return TypedResults.File(report.Pdf, "application/pdf", report.FileName);
        });
        borough.MapPut("/schools/{schoolId}/allocation", async (string boroughId, string year, string schoolId, SaveAllocationRequest body,
            SenFunding funding, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await funding.RecordAllocationAsync(scope.Caller, boroughId, schoolId, year, body, ct)));

        var school = api.MapGroup("/schools/{schoolId}/funding/{year}").WithTags("School");
        school.MapGet("", async (string schoolId, string year, SenFunding funding, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await funding.SchoolAsync(scope.Caller, schoolId, year, ct)));
        school.MapPut("/plan", async (string schoolId, string year, SaveBudgetReturnRequest body, SenFunding funding, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await funding.SendPlanAsync(scope.Caller, schoolId, year, body, ct)));
        school.MapGet("/outturn/draft", async (string schoolId, string year, SenFunding funding, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await funding.OutturnDraftAsync(scope.Caller, schoolId, year, ct)));
        school.MapPut("/outturn", async (string schoolId, string year, SaveBudgetReturnRequest body, SenFunding funding, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await funding.SendOutturnAsync(scope.Caller, schoolId, year, body, ct)));
        return api;
    }
}
