using System.Security.Claims;

namespace SendWorkflow.Send.Access;

/// <summary>
/// Who is asking, and what the audit log records of the asking: the signed-in member of staff, the method and path
/// (an API request's own, or the Studio page's), and their address when there is one.
/// </summary>
public sealed record Caller(ClaimsPrincipal User, string Method, string Path, string? Address = null)
{
    /// <summary>A Studio page's look (GET) or change (POST): a circuit has no request of its own.</summary>
    public static Caller Page(ClaimsPrincipal user, string path, string method = "GET") => new(user, method, path);

    public string? Role => AccessPolicy.RoleOf(User);

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsAdministrator => Role == StaffRoles.Administrator;

    public string? SchoolId => User.FindFirstValue(StaffClaims.School);

    public string? BoroughId => User.FindFirstValue(StaffClaims.Borough);

    /// <summary>Who the journal says did it.</summary>
    public string Actor => AccessPolicy.Actor(User);

    public bool Is(IReadOnlyCollection<string> roles) => Role is { } role && roles.Contains(role);

    /// <summary>The same caller doing something else (a page that looks, then posts).</summary>
    public Caller With(string method) => this with { Method = method };
}
