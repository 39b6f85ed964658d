using System.Security.Claims;
using SendWorkflow.Host.Security;

namespace SendWorkflow.Host.Workspace;

/// <summary>What the Studio's workspace pages need to know of the signed-in user (a circuit has no HttpContext).</summary>
public static class DeskUser
{
    /// <summary>Who the journal says did it: the display name, as the API's actor is.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.FindFirstValue("name") ?? user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "studio";

    public static bool Is(ClaimsPrincipal user, params string[] roles) => StaffScope.RoleOf(user) is { } role && roles.Contains(role);

    /// <summary>A page's look at or change to a record, audited as the API audits its own.</summary>
    public static void Audit(this AuditLog audit, ClaimsPrincipal user, string path, string action, string resource, string? resourceId,
        string? pupilId, string? schoolId, int status = 200, string method = "GET") =>
        audit.Record(user, method, path, null, action, resource, resourceId, pupilId, schoolId, status);
}
