using SendWorkflow.Send.ParentMeetings;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// Meetings with the parents of pupils on SEN support: the SENCo's view for an academic year, and a held meeting's letter
/// for the parents as a PDF. The work is <see cref="ParentMeetings"/>', shared with the Studio's page.
/// </summary>
public static class ParentMeetingsApi
{
    public static IEndpointRouteBuilder MapParentMeetingsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schools/{id}/parent-meetings", async (string id, string? year, ParentMeetings meetings, StaffScope scope,
            CancellationToken ct) =>
            TypedResults.Ok(await meetings.ListAsync(scope.Caller, id, year, ct))).WithTags("School");
        api.MapGet("/tasks/{id:guid}/letter.pdf", async (Guid id, ParentMeetings meetings, StaffScope scope, CancellationToken ct) =>
        {
            var letter = await meetings.LetterAsync(scope.Caller, id, ct);
            return TypedResults.File(letter.Pdf, "application/pdf", letter.FileName);
        }).WithTags("Tasks");
        return api;
    }
}
