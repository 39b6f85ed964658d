using SendWorkflow.Persistence.Entities;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SendWorkflow.Host.Security;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Workspace;

/// <summary>The user's calendar feed address (relative to the site) and its reset, for the Studio's calendar page.</summary>
public sealed class CalendarDesk(IServiceScopeFactory scopes, AuditLog audit)
{
    public async Task<string?> FeedPathAsync(ClaimsPrincipal user) =>
        await WithUserAsync(user, (_, staff) => Task.FromResult(PathOf(staff)));

    /// <summary>A new secret: calendars subscribed to the old address stop receiving deadlines.</summary>
    public async Task<string?> ResetAsync(ClaimsPrincipal user)
    {
        var path = await WithUserAsync(user, async (users, staff) =>
        {
            staff.CalendarSecret = AuthApi.NewSecret();
            await users.UpdateAsync(staff);
            return PathOf(staff);
        });
        if (path is not null) audit.Audit(user, "/calendar", AuditActions.Change, "calendar", user.FindFirstValue(ClaimTypes.NameIdentifier), null, null, 200, "POST");
        return path;
    }

    private static string PathOf(StaffUser staff) => $"api/calendar/{staff.Id}/{staff.CalendarSecret}.ics";

    // UserManager is scoped; a circuit lives long, so each use gets a scope (and a database context) of its own.
    private async Task<string?> WithUserAsync(ClaimsPrincipal user, Func<UserManager<StaffUser>, StaffUser, Task<string>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var staff = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await users.FindByIdAsync(id) : null;
        return staff is null ? null : await work(users, staff);
    }
}
