using Microsoft.AspNetCore.Identity;
using SendWorkflow.Send.WorkQueues;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The inbox, the filters each person saves for it, and the calendar feed of its deadlines: the work is <see cref="Inbox"/>'s,
/// <see cref="SavedFilters"/>' and <see cref="CalendarFeeds"/>', shared with the Studio's pages.
/// </summary>
public static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/inbox", async (string? pupilId, string? className, int? stage, string? kind, int? take, Inbox inbox, StaffScope scope,
            CancellationToken ct) =>
        {
            new ProblemCollector().Check(take is null or (> 0 and <= 1000), "take", "'take' must be between 1 and 1000.").ThrowIfAny();
            return TypedResults.Ok(await inbox.ListAsync(scope.Caller, new InboxFilter(pupilId, className, stage, kind, take ?? 200), ct));
        }).WithTags("Inbox");
        var filters = api.MapGroup("/me/inbox-filters").WithTags("Inbox");
        filters.MapGet("", async (SavedFilters saved, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await saved.ListAsync(scope.Caller, ct)));
        filters.MapPut("/{name}", async (string name, SaveFilterRequest? body, SavedFilters saved, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await saved.SaveAsync(scope.Caller, name, body ?? new SaveFilterRequest(null, null, null, null, null, null), ct)));
        filters.MapDelete("/{name}", async (string name, SavedFilters saved, StaffScope scope, CancellationToken ct) =>
        {
            await saved.DeleteAsync(scope.Caller, name, ct);
            return TypedResults.NoContent();
        });
        api.MapGet("/calendar/{userId}/{secret}.ics", Feed).AllowAnonymous().WithTags("Inbox");
        return api;
    }

    /// <summary>The deadlines of the member of staff whose secret address this is, signed in as them for this request only.</summary>
    private static async Task<IResult> Feed(string userId, string secret, CalendarFeeds feeds, SignInManager<StaffUser> signIn,
        HttpContext http, StaffScope scope, AuditLog audit, CancellationToken ct)
    {
        if (await feeds.FindAsync(userId, secret, ct) is not { } user)
        {
            await audit.RecordAsync(http, AuditActions.Rejected, new AuditSubject("calendar", userId, null, null), 404);
            throw new NotFoundException("There is no such calendar.");
        }
        http.User = await signIn.CreateUserPrincipalAsync(user);
        return Results.Text(await feeds.WriteAsync(scope.Caller, ct), "text/calendar; charset=utf-8");
    }
}
