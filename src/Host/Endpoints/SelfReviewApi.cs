using SendWorkflow.Send.Programmes;
using SendWorkflow.Send.SelfReviews;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The school's annual self-review with its educational psychologist (read beside last year's; save the levels, figures and
/// dimensions to discuss; the critical-friend meeting; the work plan and its review), the borough's view across its schools,
/// its EPs' assignments to schools, and its start of a statutory school programme for its schools.
/// </summary>
public static class SelfReviewApi
{
    public static IEndpointRouteBuilder MapSelfReviewApi(this IEndpointRouteBuilder api)
    {
        var school = api.MapGroup("/schools/{id}/self-review").WithTags("Self-review");
        school.MapGet("", async (string id, SelfReviews reviews, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await reviews.GetAsync(scope.Caller, id, null, ct)));
        school.MapGet("/{year}", async (string id, string year, SelfReviews reviews, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await reviews.GetAsync(scope.Caller, id, year, ct)));
        school.MapPut("/{year}", async (string id, string year, SaveSelfReviewRequest body, SelfReviews reviews, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await reviews.SaveAsync(scope.Caller, id, year, body, ct)));
        school.MapPut("/{year}/meeting", async (string id, string year, RecordMeetingRequest body, SelfReviews reviews, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await reviews.RecordMeetingAsync(scope.Caller, id, year, body, ct)));
        school.MapPut("/{year}/work-plan", async (string id, string year, AgreeWorkPlanRequest body, SelfReviews reviews, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await reviews.AgreeWorkPlanAsync(scope.Caller, id, year, body, ct)));
        school.MapPut("/{year}/work-plan/review", async (string id, string year, ReviewWorkPlanRequest body, SelfReviews reviews,
            StaffScope scope, CancellationToken ct) => TypedResults.Ok(await reviews.ReviewWorkPlanAsync(scope.Caller, id, year, body, ct)));

        var borough = api.MapGroup("/boroughs/{id}").WithTags("Self-review");
        borough.MapGet("/self-reviews", async (string id, string? year, BoroughSelfReviews view, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await view.GetAsync(scope.Caller, id, year, ct)));
        borough.MapGet("/educational-psychologists", async (string id, EducationalPsychologists eps, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await eps.ListAsync(scope.Caller, id, ct)));
        borough.MapGet("/educational-psychologists/candidates", async (string id, EducationalPsychologists eps, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await eps.CandidatesAsync(scope.Caller, id, ct)));
        borough.MapPut("/schools/{schoolId}/educational-psychologist", async (string id, string schoolId, AssignEpRequest body,
            EducationalPsychologists eps, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await eps.AssignAsync(scope.Caller, id, schoolId, body, ct)));
        borough.MapDelete("/schools/{schoolId}/educational-psychologist", async (string id, string schoolId, EducationalPsychologists eps,
            StaffScope scope, CancellationToken ct) =>
        {
            await eps.UnassignAsync(scope.Caller, id, schoolId, ct);
            return TypedResults.NoContent();
        });
        borough.MapPost("/programmes", async (string id, StartBoroughProgrammeRequest body, Programmes programmes, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await programmes.StartForBoroughAsync(scope.Caller, id, body, ct)));
        return api;
    }
}
