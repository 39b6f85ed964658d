using System.Security.Claims;

namespace SendWorkflow.Host.Security;

/// <summary>
/// The API request's caller and the access guard, together: endpoints ask here, and the answer comes from the one
/// policy in <c>SendWorkflow.Send.Access</c> that the Studio's pages ask too.
/// </summary>
public sealed class StaffScope(IHttpContextAccessor http, AccessGuard guard)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>This request as the service sees it: who, and what the audit log records of the request.</summary>
    public Caller Caller => http.HttpContext is { } context
        ? new Caller(context.User, context.Request.Method, context.Request.Path.Value ?? "", context.Connection.RemoteIpAddress?.ToString())
        : new Caller(User, "", "");

    /// <summary>This request's user, for code that shares the scoping rules with Studio pages.</summary>
    internal ClaimsPrincipal Principal => User;

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => User.FindFirstValue("name") ?? User.Identity?.Name;
    public IReadOnlyList<string> Classes => User.FindAll(StaffClaims.Class).Select(c => c.Value).ToList();
    /// <summary>The user's role (one per user).</summary>
    public string? Role => AccessPolicy.RoleOf(User);
    public string? SchoolId => User.FindFirstValue(StaffClaims.School);
    public string? BoroughId => User.FindFirstValue(StaffClaims.Borough);
    public bool IsAdministrator => Role == StaffRoles.Administrator;
    /// <summary>Who the journal says did it.</summary>
    public string Actor => AccessPolicy.Actor(User);

    /// <summary>The entry of a change this request makes, to commit with the change.</summary>
    public AuditEntryRecord Entry(string action, AuditSubject subject, int status = 200) => guard.Entry(Caller, action, subject, status);

    public Task AuditAsync(string action, string resource, string? resourceId, string? pupilId, string? schoolId, int status = 200) =>
        guard.AuditAsync(Caller, action, resource, resourceId, pupilId, schoolId, status);

    /// <summary>The instance's pupil must be in scope, and for an LA officer the instance must be statutory work.</summary>
    public Task<Pupil> RequireInstanceAsync(SendWorkflowDbContext db, WorkflowInstance instance, CancellationToken ct) =>
        guard.RequireInstanceAsync(db, Caller, instance, ct);

    /// <summary>The pupils this user may see, as a query to build on.</summary>
    public IQueryable<Pupil> Pupils(SendWorkflowDbContext db) => AccessPolicy.PupilsFor(User, db);

    /// <summary>The pupil, if this user may see them; otherwise a 404 (and the attempt is audited).</summary>
    public Task<Pupil> RequirePupilAsync(SendWorkflowDbContext db, string pupilId, string resource, string? resourceId, CancellationToken ct) =>
        guard.RequirePupilAsync(db, Caller, pupilId, resource, resourceId, ct);

    /// <summary>Refuses (403, audited) unless the user has one of the roles of the capability.</summary>
    public Task RequireAsync(string what, string capability) => guard.RequireRoleAsync(Caller, what, Capabilities.Of(capability));

    /// <summary>Refuses (404 for another borough, 403 for other roles) unless the user is that borough's LA officer or an administrator.</summary>
    public Task RequireBoroughAsync(string boroughId) => guard.RequireBoroughAsync(Caller, boroughId);
}
