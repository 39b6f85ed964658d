using Microsoft.AspNetCore.Http.HttpResults;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The SENCo's school views (the SEN register, the provision map, overdue reviews; each also as CSV) and the figures
/// a governor sees: counts, never names. The work is <see cref="SchoolViews"/>', shared with the Studio's pages.
/// </summary>
public static class SchoolViewsApi
{
    public static IEndpointRouteBuilder MapSchoolViewsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/schools/{schoolId}").WithTags("School");
        g.MapGet("/figures", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.FiguresAsync(scope.Caller, schoolId, ct)));
        g.MapGet("/sen-register", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.RegisterAsync(scope.Caller, schoolId, ct)));
        g.MapGet("/sen-register.csv", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            CsvResult(Csv.Write(
                ["pupil_id", "name", "year", "class", "stage", "stage_name", "since", "census_code", "primary_need"],
                (await views.RegisterAsync(scope.Caller, schoolId, ct)).Select(r => new object?[]
                    { r.PupilId, r.Name, r.YearGroup, r.ClassName, r.Stage, r.StageName, r.Since, r.CensusCode, r.PrimaryNeed }))));
        g.MapGet("/overdue-reviews", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.OverdueAsync(scope.Caller, schoolId, ct)));
        g.MapGet("/overdue-reviews.csv", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            CsvResult(Csv.Write(
                ["pupil_id", "name", "class", "review", "role", "due", "days_overdue"],
                (await views.OverdueAsync(scope.Caller, schoolId, ct)).Select(r => new object?[]
                    { r.PupilId, r.Name, r.ClassName, r.Title, r.Role, r.DueOn, r.DaysOverdue }))));
        g.MapGet("/provision-map", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.ProvisionMapAsync(scope.Caller, schoolId, ct)));
        g.MapGet("/provision-map.csv", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            CsvResult(Csv.Write(
                ["pupil_id", "name", "class", "intervention", "entry_criteria", "exit_criteria", "starts", "ends", "delivered_by", "impact"],
                (await views.ProvisionMapAsync(scope.Caller, schoolId, ct)).Select(r => new object?[]
                    { r.Provision.PupilId, r.Name, r.ClassName, r.Provision.Intervention, r.Provision.EntryCriteria, r.Provision.ExitCriteria,
                      r.Provision.StartsOn, r.Provision.EndsOn, r.Provision.DeliveredBy, r.Provision.Impact }))));
        return api;
    }

    private static ContentHttpResult CsvResult(string csv) => TypedResults.Text(csv, "text/csv; charset=utf-8");
}
