using SendWorkflow.Send.Reminders;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// A member of staff's own settings: <c>GET /api/me/settings</c> and <c>PUT /api/me/settings</c> <c>{"digest": false}</c> to
/// turn the morning digest email off. The work is <see cref="ReminderSettings"/>', shared with the Studio's account page.
/// </summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder api)
    {
        var settings = api.MapGroup("/me/settings").WithTags("Sign-in");
        settings.MapGet("", async (ReminderSettings reminders, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await reminders.GetAsync(scope.Caller, ct)));
        settings.MapPut("", async (ReminderSettingsChange body, ReminderSettings reminders, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await reminders.SetAsync(scope.Caller, body, ct)));
        return api;
    }
}
