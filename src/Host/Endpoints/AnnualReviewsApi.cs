using SendWorkflow.Send.AnnualReviews;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The borough's watch on annual reviews: every running EHC plan's review across its schools (due, held, report received,
/// late), as JSON and CSV, and the counts per school. The LA officer of the borough, or an administrator.
/// </summary>
public static class AnnualReviewsApi
{
    public static IEndpointRouteBuilder MapAnnualReviewsApi(this IEndpointRouteBuilder api)
    {
        var reviews = api.MapGroup("/boroughs/{boroughId}").WithTags("Local authority");
        reviews.MapGet("/annual-reviews", async (
            string boroughId, string? status, string? schoolId, AnnualReviewMonitor monitor, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await monitor.ListAsync(scope.Caller, boroughId, status, schoolId, ct)));
        reviews.MapGet("/annual-reviews.csv", async (
            string boroughId, string? status, string? schoolId, AnnualReviewMonitor monitor, StaffScope scope, CancellationToken ct) =>
            TypedResults.Text(await monitor.CsvAsync(scope.Caller, boroughId, status, schoolId, ct), "text/csv; charset=utf-8"));
        reviews.MapGet("/annual-reviews/summary", async (string boroughId, AnnualReviewMonitor monitor, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await monitor.SummaryAsync(scope.Caller, boroughId, ct)));
        return api;
    }
}
