using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Api;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Security;

/// <summary>
/// What the signed-in member of staff may see: school staff their own school, class teachers and TAs the pupils of
/// their classes, an LA officer their borough, a governor figures and no names, an administrator everything.
/// A pupil outside the scope is answered as if it did not exist.
/// </summary>
public sealed class StaffScope(IHttpContextAccessor http, AuditLog audit)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>This request's user, for code that shares the scoping rules with Studio pages.</summary>
    internal ClaimsPrincipal Principal => User;

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => User.FindFirstValue("name") ?? User.Identity?.Name;
    /// <summary>The user's role (one per user).</summary>
    public string? Role => AccessPolicy.RoleOf(User);
    public string? SchoolId => User.FindFirstValue(StaffClaims.School);
    public string? BoroughId => User.FindFirstValue(StaffClaims.Borough);
    public IReadOnlyList<string> Classes => User.FindAll(StaffClaims.Class).Select(c => c.Value).ToList();
    public bool IsAdministrator => Role == StaffRoles.Administrator;
    /// <summary>Who the journal says did it.</summary>
    public string Actor => UserName ?? UserId ?? "api";

    public void Audit(string action, string resource, string? resourceId, string? pupilId, string? schoolId, int status = 200) =>
        audit.Record(http.HttpContext!, action, resource, resourceId, pupilId, schoolId, status);

    /// <summary>The instance's pupil must be in scope, and for an LA officer the instance must be statutory work.</summary>
    public async Task<Pupil> RequireInstanceAsync(SendWorkflowDbContext db, Workflows.Runtime.WorkflowInstance instance, CancellationToken ct)
    {
        var pupil = await RequirePupilAsync(db, instance.PupilId, "instance", instance.Id.ToString(), ct);
        if (Role == StaffRoles.LaOfficer && !AccessPolicy.StatutoryDefinitions.Contains(instance.DefinitionId))
        {
            audit.Record(http.HttpContext!, AuditActions.Denied, "instance", instance.Id.ToString(), instance.PupilId, pupil.SchoolId, 404);
            throw new NotFoundException($"There is no instance '{instance.Id}'.");
        }
        return pupil;
    }

    /// <summary>The pupils this user may see, as a query to build on.</summary>
    public IQueryable<Pupil> Pupils(SendWorkflowDbContext db) => AccessPolicy.PupilsFor(User, db);

    /// <summary>The pupil, if this user may see them; otherwise a 404 (and the attempt is audited).</summary>
    public async Task<Pupil> RequirePupilAsync(SendWorkflowDbContext db, string pupilId, string resource, string? resourceId, CancellationToken ct)
    {
        var pupil = await Pupils(db).AsNoTracking().FirstOrDefaultAsync(p => p.Id == pupilId, ct);
        if (pupil is not null) return pupil;
        audit.Record(http.HttpContext!, AuditActions.Denied, resource, resourceId ?? pupilId, pupilId, null, 404);
        throw new NotFoundException($"There is no {resource} '{resourceId ?? pupilId}'.");
    }

    /// <summary>Refuses (403, audited) unless the user has one of the roles.</summary>
    public void RequireRole(string what, params string[] roles)
    {
        if (Role is { } role && roles.Contains(role)) return;
        audit.Record(http.HttpContext!, AuditActions.Denied, what, null, null, null, 403);
        throw new ForbiddenException($"Your role ({Role ?? "none"}) may not {what}.");
    }

    /// <summary>Refuses (403) readers such as governors.</summary>
    public void RequireWriter(string what) => RequireRole(what, [.. StaffRoles.Writers]);

    /// <summary>Refuses (404 for another borough, 403 for other roles) unless the user is that borough's LA officer or an administrator.</summary>
    public void RequireBorough(string boroughId)
    {
        RequireRole("see a borough's statutory work", StaffRoles.LaOfficer, StaffRoles.Administrator);
        if (Role == StaffRoles.LaOfficer && BoroughId != boroughId)
        {
            audit.Record(http.HttpContext!, AuditActions.Denied, "borough", boroughId, null, null, 404);
            throw new NotFoundException($"There is no borough '{boroughId}'.");
        }
    }
}
