using System.Security.Claims;

namespace SendWorkflow.Host.Components.Shell;

/// <summary>
/// The navigation and each role's home page. A link names the capability of the page it opens, which is also the
/// page's authorization policy: the bar shows exactly the pages the role may open.
/// </summary>
public static class StudioNav
{
    /// <param name="Group">The heading the link sits under in the navigation.</param>
    public sealed record Link(string Href, string Label, string Capability, string Group);

    public const string Work = "My work";
    public const string School = "School";
    public const string Borough = "Borough";
    public const string Pathways = "Pathways";
    public const string Records = "Records";

    public static readonly IReadOnlyList<Link> Links =
    [
        new("/inbox", "Inbox", Capabilities.Workspace, Work),
        new("/calendar", "My calendar", Capabilities.Workspace, Work),
        new("/account", "My account", Capabilities.Workspace, Work),
        new("/", "Pathways", Capabilities.ReadDefinitions, Pathways),
        new("/school/register", "SEN register", Capabilities.SchoolViews, School),
        new("/school/provision-map", "Provision map", Capabilities.SchoolViews, School),
        new("/school/overdue-reviews", "Overdue reviews", Capabilities.SchoolViews, School),
        new("/school/pupil-import", "Import pupils", Capabilities.ManagePupils, School),
        new("/school/action-plan", "Action plan", Capabilities.ReadActionPlan, School),
        new("/school/parent-meetings", "Parent meetings", Capabilities.SchoolViews, School),
        new("/school/line-management", "TA line management", Capabilities.SchoolViews, School),
        new("/school/cpd-audit", "CPD audit", Capabilities.ChangeActionPlan, School),
        new("/school/self-review", "Self-review", Capabilities.ReadSelfReview, School),
        new("/school/sen-information", "SEN information report", Capabilities.ChangeActionPlan, School),
        new("/school/figures", "Figures", Capabilities.SchoolFigures, School),
        new("/school/governor-report", "Governor's report", Capabilities.SchoolFigures, School),
        new("/school/funding", "SEN funding", Capabilities.SchoolFunding, School),
        new("/sen-audits", "SEN audits", Capabilities.ReadSenAudits, School),
        new("/la", "Borough overview", Capabilities.BoroughViews, Borough),
        new("/la/assessments", "Assessments", Capabilities.BoroughViews, Borough),
        new("/la/annual-reviews", "Annual reviews", Capabilities.BoroughViews, Borough),
        new("/la/self-reviews", "Schools' self-reviews", Capabilities.BoroughSelfReviews, Borough),
        new("/la/sen-audits", "Borough SEN audits", Capabilities.RunSenAudits, Borough),
        new("/la/funding", "Borough SEN funding", Capabilities.RecordSenAllocations, Borough),
        new("/audit", "Audit log", Capabilities.SearchAudit, Records),
    ];

    /// <summary>The links the user may open, under their headings, in the order above.</summary>
    public static IEnumerable<IGrouping<string, Link>> GroupsFor(ClaimsPrincipal user) => For(user).GroupBy(l => l.Group);

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
