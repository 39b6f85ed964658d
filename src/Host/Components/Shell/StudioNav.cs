using System.Security.Claims;

namespace SendWorkflow.Host.Components.Shell;

/// <summary>
/// The navigation and each role's home page. A link names the capability of the page it opens, which is also the
/// page's authorization policy: the bar shows exactly the pages the role may open.
/// </summary>
public static class StudioNav
{
    public sealed record Link(string Href, string Label, string Capability);

    public static readonly IReadOnlyList<Link> Links =
    [
        new("/", "Pathways", Capabilities.ReadDefinitions),
        new("/inbox", "Inbox", Capabilities.Workspace),
        new("/school/register", "SEN register", Capabilities.SchoolViews),
        new("/school/provision-map", "Provision map", Capabilities.SchoolViews),
        new("/school/overdue-reviews", "Overdue reviews", Capabilities.SchoolViews),
        new("/school/pupil-import", "Import pupils", Capabilities.ManagePupils),
        new("/school/action-plan", "Action plan", Capabilities.ReadActionPlan),
        new("/school/parent-meetings", "Parent meetings", Capabilities.SchoolViews),
        new("/school/line-management", "TA line management", Capabilities.SchoolViews),
        new("/school/cpd-audit", "CPD audit", Capabilities.ChangeActionPlan),
        new("/school/self-review", "Self-review", Capabilities.ReadSelfReview),
        new("/school/sen-information", "SEN information report", Capabilities.ChangeActionPlan),
        new("/school/figures", "Figures", Capabilities.SchoolFigures),
        new("/school/governor-report", "Governor's report", Capabilities.SchoolFigures),
        new("/school/funding", "SEN funding", Capabilities.SchoolFunding),
        new("/la", "Borough overview", Capabilities.BoroughViews),
        new("/la/assessments", "Assessments", Capabilities.BoroughViews),
        new("/la/funding", "Borough SEN funding", Capabilities.RecordSenAllocations),
        new("/la/annual-reviews", "Annual reviews", Capabilities.BoroughViews),
        new("/la/self-reviews", "Schools' self-reviews", Capabilities.BoroughSelfReviews),
        new("/la/sen-audits", "Borough SEN audits", Capabilities.RunSenAudits),
        new("/sen-audits", "SEN audits", Capabilities.ReadSenAudits),
        new("/audit", "Audit log", Capabilities.SearchAudit),
        new("/calendar", "My calendar", Capabilities.Workspace),
        new("/account", "My account", Capabilities.Workspace),
    ];

    public static IEnumerable<Link> For(ClaimsPrincipal user) => Links.Where(l => Capabilities.Allows(user, l.Capability));

    /// <summary>Where a role starts: the pathways for the school's leaders, the inbox for teachers, figures for a governor.</summary>
    public static string? HomeOf(ClaimsPrincipal user) => AccessPolicy.RoleOf(user) switch
    {
        StaffRoles.ClassTeacher or StaffRoles.TeachingAssistant or StaffRoles.SenGovernor or StaffRoles.AdminSupport
            or StaffRoles.SubjectLead => "/inbox",
        StaffRoles.Governor => "/school/figures",
        StaffRoles.LaOfficer => "/la",
        StaffRoles.EducationalPsychologist => "/la/self-reviews",
        _ => null,
    };
}
