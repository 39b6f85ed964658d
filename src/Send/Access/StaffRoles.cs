namespace SendWorkflow.Send.Access;

/// <summary>The roles staff sign in with. Task roles in the definitions use the same names.</summary>
public static class StaffRoles
{
    public const string Senco = "senco";
    public const string ClassTeacher = "class-teacher";
    public const string TeachingAssistant = "teaching-assistant";
    public const string Headteacher = "headteacher";
    public const string Governor = "governor";
    public const string LaOfficer = "la-officer";
    public const string Administrator = "administrator";
    /// <summary>The governor responsible for SEN: meets the SENCo each term and receives the termly report (figures, no names).</summary>
    public const string SenGovernor = "sen-governor";
    /// <summary>The school office staff who keep the SEN register and the contextual grid up to date with the SENCo.</summary>
    public const string AdminSupport = "admin-support";
    /// <summary>A subject leader (the literacy or numeracy co-ordinator) who monitors interventions with the SENCo.</summary>
    public const string SubjectLead = "subject-lead";
    /// <summary>
    /// A borough's educational psychologist: the account names the borough; the borough assigns them to its schools, whose
    /// statutory school workflows (the annual self-review) they see and work in. No pupil's record.
    /// </summary>
    public const string EducationalPsychologist = "educational-psychologist";

    public static readonly IReadOnlyList<string> All =
        [Senco, ClassTeacher, TeachingAssistant, Headteacher, Governor, LaOfficer, Administrator, SenGovernor, AdminSupport, SubjectLead,
            EducationalPsychologist];

    /// <summary>
    /// Roles that may change a record (record events, complete tasks); the others only read. The SEN governor, admin
    /// support and subject leads see no pupil's record: what they change is their part of the school's programme.
    /// </summary>
    public static readonly IReadOnlyList<string> Writers =
        [Senco, ClassTeacher, TeachingAssistant, Headteacher, LaOfficer, Administrator, SenGovernor, AdminSupport, SubjectLead,
            EducationalPsychologist];

    /// <summary>Roles that belong to a borough rather than a school (their account names the borough).</summary>
    public static readonly IReadOnlyList<string> BoroughStaff = [LaOfficer, EducationalPsychologist];

    /// <summary>Roles that belong to one school (their account names it).</summary>
    public static readonly IReadOnlyList<string> SchoolStaff =
        [Senco, ClassTeacher, TeachingAssistant, Headteacher, Governor, SenGovernor, AdminSupport, SubjectLead];

    /// <summary>
    /// Whether a task given to <paramref name="taskRole"/> is the staff role's: tasks written before the pathway named
    /// the teaching assistant by their role carry "sen-ta".
    /// </summary>
    public static bool Matches(string taskRole, string staffRole) =>
        taskRole == staffRole || (taskRole == "sen-ta" && staffRole == TeachingAssistant);

    /// <summary>The task roles that are the staff role's.</summary>
    public static IReadOnlyList<string> TaskRolesOf(string staffRole) =>
        staffRole == TeachingAssistant ? [TeachingAssistant, "sen-ta"] : [staffRole];
}
