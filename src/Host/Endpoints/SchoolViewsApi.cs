using Microsoft.AspNetCore.Http.HttpResults;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The SENCo's school views (the SEN register, the provision map, overdue reviews; each also as CSV and as an Excel
/// workbook) and the figures a governor sees: counts, never names. The work is <see cref="SchoolViews"/>', shared with
/// the Studio's pages; the downloads' columns are <see cref="SchoolViewTables"/>', the same in both formats.
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
        g.MapGet("/overdue-reviews", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.OverdueAsync(scope.Caller, schoolId, ct)));
        g.MapGet("/provision-map", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.ProvisionMapAsync(scope.Caller, schoolId, ct)));
        MapDownloads(g, "sen-register", async (views, caller, schoolId, ct) =>
            SchoolViewTables.Register(await views.RegisterAsync(caller, schoolId, ct)));
        MapDownloads(g, "overdue-reviews", async (views, caller, schoolId, ct) =>
            SchoolViewTables.OverdueReviews(await views.OverdueAsync(caller, schoolId, ct)));
        MapDownloads(g, "provision-map", async (views, caller, schoolId, ct) =>
            SchoolViewTables.ProvisionMap(await views.ProvisionMapAsync(caller, schoolId, ct)));
        return api;
    }

    /// <summary>The view as <c>{name}.csv</c> and as <c>{name}.xlsx</c>, named after the school.</summary>
    private static void MapDownloads(RouteGroupBuilder g, string name,
        Func<SchoolViews, Caller, string, CancellationToken, Task<SheetTable>> table)
    {
        g.MapGet($"/{name}.csv", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            CsvResult(Csv.Write(await table(views, scope.Caller, schoolId, ct))));
        g.MapGet($"/{name}.xlsx", async (string schoolId, SchoolViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.File(Xlsx.Write(await table(views, scope.Caller, schoolId, ct)), Xlsx.ContentType, $"{schoolId}-{name}.xlsx"));
    }

    private static ContentHttpResult CsvResult(string csv) => TypedResults.Text(csv, "text/csv; charset=utf-8");
}
