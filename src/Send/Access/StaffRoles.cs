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

    public static readonly IReadOnlyList<string> All = [Senco, ClassTeacher, TeachingAssistant, Headteacher, Governor, LaOfficer, Administrator];

    /// <summary>Roles that may change a pupil's record (record events, complete tasks); the others only read.</summary>
    public static readonly IReadOnlyList<string> Writers = [Senco, ClassTeacher, TeachingAssistant, Headteacher, LaOfficer, Administrator];

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
