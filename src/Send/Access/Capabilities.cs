using System.Security.Claims;

namespace SendWorkflow.Send.Access;

/// <summary>
/// What each role may do, in one place. Each capability is also a named authorization policy of the host, so the
/// API's endpoints, the Studio's pages (<c>[Authorize(Policy = ...)]</c>) and its navigation all read this table.
/// Which pupils a role may see within a capability is <see cref="AccessPolicy"/>'s scoping rule.
/// </summary>
public static class Capabilities
{
    /// <summary>Edit, publish and revert definitions in the designer.</summary>
    public const string DesignDefinitions = "design-definitions";
    /// <summary>Open the pathways, their versions and pupils' pathways.</summary>
    public const string ReadDefinitions = "read-definitions";
    /// <summary>The school's SEN register, provision map and overdue reviews.</summary>
    public const string SchoolViews = "school-views";
    /// <summary>The school's figures, without names.</summary>
    public const string SchoolFigures = "school-figures";
    /// <summary>The inbox, tasks, pupil records and the calendar feed.</summary>
    public const string Workspace = "workspace";
    /// <summary>Change a pupil's record: complete tasks, record events.</summary>
    public const string ChangeRecords = "change-records";
    /// <summary>Give a task to a person of its role (or take it back), and see every open task of the school to do so.</summary>
    public const string AssignTasks = "assign-tasks";
    /// <summary>Add to and change the provision map.</summary>
    public const string ChangeProvision = "change-provision";
    /// <summary>Add pupils and change their details.</summary>
    public const string ManagePupils = "manage-pupils";
    /// <summary>
    /// Make, list and revoke the links a pupil's parents answer a form by without an account (the parent voice): the SENCo,
    /// the pupil's class teacher (their classes' pupils only, by <see cref="AccessPolicy"/>), the headteacher and an administrator.
    /// </summary>
    public const string ParentLinks = "parent-links";
    /// <summary>A borough's statutory work: open assessments, compliance, exceptions.</summary>
    public const string BoroughViews = "borough-views";
    /// <summary>Start the school's programmes (the SENCo's monitoring schedule) for an academic year.</summary>
    public const string StartProgrammes = "start-programmes";
    /// <summary>See the school's SEN action plan (no pupil's record is in it).</summary>
    public const string ReadActionPlan = "read-action-plan";
    /// <summary>Add to and update the school's SEN action plan.</summary>
    public const string ChangeActionPlan = "change-action-plan";
    /// <summary>Record the schools' initial SEN allocations for a financial year, and read the borough's funding report.</summary>
    public const string RecordSenAllocations = "record-sen-allocations";
    /// <summary>Send the school's SEN budget plan and outturn to the borough.</summary>
    public const string SendSenBudget = "send-sen-budget";
    /// <summary>
    /// Read the school's SEN funding (allocation, plan, outturn): its leaders and SEN governor. The LA officer reads every
    /// school's of their borough as well (<see cref="Funding.SenFunding"/> scopes them to it).
    /// </summary>
    public const string SchoolFunding = "school-funding";
    /// <summary>
    /// Schedule the borough's SEN audits of its schools, fix their day and team, draw their pupils, record the verbal feedback
    /// and issue the report (the borough's officers, scoped to their borough).
    /// </summary>
    public const string RunSenAudits = "run-sen-audits";
    /// <summary>
    /// See SEN audits: the borough's officers their borough's, a school's leaders their school's, a visiting SENCo those whose
    /// team they are on (<see cref="SenAudits.SenAudits"/> scopes each).
    /// </summary>
    public const string ReadSenAudits = "read-sen-audits";
    /// <summary>
    /// See a school's annual self-review (levels, SEN audit figures, the EP's notes, the work plan): the school's leaders their
    /// school's, the borough's officers their borough's, an educational psychologist the schools assigned to them.
    /// </summary>
    public const string ReadSelfReview = "read-self-review";
    /// <summary>Record the school's self-review: levels and evidence, the SEN audit figures, the dimensions to discuss.</summary>
    public const string ChangeSelfReview = "change-self-review";
    /// <summary>Record the critical-friend meeting (the EP's notes per dimension): the school's educational psychologist.</summary>
    public const string RecordCriticalFriendMeeting = "record-critical-friend-meeting";
    /// <summary>Agree the self-review's work plan and review it in June or July: the school's leaders with their EP.</summary>
    public const string ChangeWorkPlan = "change-work-plan";
    /// <summary>Every school's self-review levels and SEN figures across the borough (an EP: their schools only).</summary>
    public const string BoroughSelfReviews = "borough-self-reviews";
    /// <summary>Assign the borough's educational psychologists to its schools, and start its statutory school programmes.</summary>
    public const string ManageBoroughSchools = "manage-borough-schools";
    /// <summary>Search the audit log.</summary>
    public const string SearchAudit = "search-audit";
    /// <summary>Accounts, boroughs, schools, the simulated clock.</summary>
    public const string Administer = "administer";

    private static readonly string[] SchoolLeaders = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Administrator];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>
    {
        // A SENCo designs their school's variant of a pathway, an LA officer their borough's (DefinitionScope).
        [DesignDefinitions] = [StaffRoles.Senco, StaffRoles.LaOfficer, StaffRoles.Administrator],
        [ReadDefinitions] = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.LaOfficer, StaffRoles.Administrator],
        [SchoolViews] = SchoolLeaders,
        [SchoolFigures] = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Governor, StaffRoles.SenGovernor, StaffRoles.Administrator],
        [Workspace] = StaffRoles.Writers,
        [ChangeRecords] = StaffRoles.Writers,
        [AssignTasks] = SchoolLeaders,
        [ChangeProvision] = [StaffRoles.Senco, StaffRoles.ClassTeacher, StaffRoles.Headteacher, StaffRoles.Administrator],
        [ManagePupils] = SchoolLeaders,
        [ParentLinks] = [StaffRoles.Senco, StaffRoles.ClassTeacher, StaffRoles.Headteacher, StaffRoles.Administrator],
        [StartProgrammes] = SchoolLeaders,
        [ReadActionPlan] = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.SenGovernor, StaffRoles.Governor, StaffRoles.Administrator],
        [ChangeActionPlan] = SchoolLeaders,
        [BoroughViews] = [StaffRoles.LaOfficer, StaffRoles.Administrator],
        [RecordSenAllocations] = [StaffRoles.LaOfficer, StaffRoles.Administrator],
        [SendSenBudget] = SchoolLeaders,
        [SchoolFunding] = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.SenGovernor, StaffRoles.Administrator],
        [RunSenAudits] = [StaffRoles.LaOfficer, StaffRoles.Administrator],
        [ReadSenAudits] = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.LaOfficer, StaffRoles.Administrator],
        [ReadSelfReview] =
            [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.EducationalPsychologist, StaffRoles.LaOfficer, StaffRoles.Administrator],
        [ChangeSelfReview] = SchoolLeaders,
        [RecordCriticalFriendMeeting] = [StaffRoles.EducationalPsychologist, StaffRoles.Administrator],
        [ChangeWorkPlan] = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.EducationalPsychologist, StaffRoles.Administrator],
        [BoroughSelfReviews] = [StaffRoles.LaOfficer, StaffRoles.EducationalPsychologist, StaffRoles.Administrator],
        [ManageBoroughSchools] = [StaffRoles.LaOfficer, StaffRoles.Administrator],
        [SearchAudit] = [StaffRoles.Senco, StaffRoles.Administrator],
        [Administer] = [StaffRoles.Administrator],
    };

    public static IReadOnlyList<string> Of(string capability) => Roles[capability];

    public static bool Allows(ClaimsPrincipal user, string capability) =>
        AccessPolicy.RoleOf(user) is { } role && Roles[capability].Contains(role);
}
