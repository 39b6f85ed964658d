using System.Security.Claims;
using SendWorkflow.Host.Security;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;

namespace SendWorkflow.Host.Components.Shell;

/// <summary>
/// Where each role may go, for the navigation and for the home page. The roles here must match the pages'
/// [Authorize(Roles = ...)], which are what actually keeps a page closed.
/// </summary>
public static class StudioNav
{
    public sealed record Link(string Href, string Label, IReadOnlyList<string> Roles);

    private static readonly string[] School = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Administrator];
    private static readonly string[] Workers =
        [StaffRoles.Senco, StaffRoles.ClassTeacher, StaffRoles.TeachingAssistant, StaffRoles.Headteacher, StaffRoles.LaOfficer, StaffRoles.Administrator];

    public static readonly IReadOnlyList<Link> Links =
    [
        new("/", "Pathways", School),
        new("/inbox", "Inbox", Workers),
        new("/school/register", "SEN register", School),
        new("/school/provision-map", "Provision map", School),
        new("/school/overdue-reviews", "Overdue reviews", School),
        new("/school/figures", "Figures", [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Governor, StaffRoles.Administrator]),
        new("/la/assessments", "Assessments", [StaffRoles.LaOfficer, StaffRoles.Administrator]),
        new("/audit", "Audit log", [StaffRoles.Senco, StaffRoles.Administrator]),
        new("/calendar", "My calendar", Workers),
    ];

    public static IEnumerable<Link> For(ClaimsPrincipal user) =>
        AccessPolicy.RoleOf(user) is { } role ? Links.Where(l => l.Roles.Contains(role)) : [];

    /// <summary>Where a role starts: the pathways for the school's leaders, the inbox for teachers, figures for a governor.</summary>
    public static string? HomeOf(ClaimsPrincipal user) => AccessPolicy.RoleOf(user) switch
    {
        StaffRoles.ClassTeacher or StaffRoles.TeachingAssistant => "/inbox",
        StaffRoles.Governor => "/school/figures",
        StaffRoles.LaOfficer => "/la/assessments",
        _ => null,
    };
}
