namespace SendWorkflow.Send.Access;

/// <summary>
/// Who may hold a task: a task goes to a role, and a person of that role may claim it; those who may assign tasks (the
/// SENCo, the headteacher, an administrator; <see cref="Capabilities.AssignTasks"/>) give it to a person of its role or
/// take it back; whoever holds it may give it back to the role. The inbox's queues and the assignment service both ask here.
/// </summary>
public static class TaskHolders
{
    public static bool MayAssign(Caller caller) => caller.Is(Capabilities.Of(Capabilities.AssignTasks));

    /// <summary>A person of the task's role who may change records.</summary>
    public static bool MayClaim(Caller caller, WorkTask task) =>
        caller.Role is { } role && StaffRoles.Matches(task.Role, role) && caller.Is(Capabilities.Of(Capabilities.ChangeRecords));

    /// <summary>Whoever holds it, or someone who may assign.</summary>
    public static bool MayRelease(Caller caller, string? assignee) =>
        MayAssign(caller) || (assignee is not null && assignee == caller.UserId);

    /// <summary>Whether a member of staff with this role may be given the task: they must be of its role.</summary>
    public static bool MayHold(string staffRole, WorkTask task) => StaffRoles.Matches(task.Role, staffRole);

    /// <summary>Roles whose work is limited to their classes: a task for a pupil goes only to one who teaches the pupil's class.</summary>
    public static bool IsClassBound(string staffRole) => staffRole is StaffRoles.ClassTeacher or StaffRoles.TeachingAssistant;
}
