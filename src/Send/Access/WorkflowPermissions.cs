namespace SendWorkflow.Send.Access;

/// <summary>
/// Who may record an event or complete a task, as the definition says: an event's <c>raisedBy</c> (without it, any role
/// that may change a record), a task's own role, its <c>completedBy</c> and the workflow's. An administrator always may.
/// </summary>
public static class WorkflowPermissions
{
    public static bool MayRaise(Caller caller, WorkflowDefinition definition, string eventName)
    {
        if (caller.IsAdministrator) return true;
        if (!caller.Is(Capabilities.Of(Capabilities.ChangeRecords))) return false;
        return definition.Events.GetValueOrDefault(eventName)?.RaisedBy is not { } roles || roles.Contains(caller.Role!);
    }

    public static bool MayComplete(Caller caller, WorkTask task, WorkflowDefinition definition)
    {
        if (caller.IsAdministrator) return true;
        if (caller.Role is not { } role || !caller.Is(Capabilities.Of(Capabilities.ChangeRecords))) return false;
        if (StaffRoles.Matches(task.Role, role) || definition.CompletedBy.Contains(role)) return true;
        return TemplateOf(task, definition)?.CompletedBy.Contains(role) == true;
    }

    /// <summary>The roles that may complete the task, in words for a refusal.</summary>
    public static IEnumerable<string> CompletersOf(WorkTask task, WorkflowDefinition definition) =>
        new[] { task.Role }.Concat(definition.CompletedBy).Concat(TemplateOf(task, definition)?.CompletedBy ?? []).Distinct();

    private static TaskDefinition? TemplateOf(WorkTask task, WorkflowDefinition definition) =>
        definition.States.FirstOrDefault(s => s.Id == task.State) is { } state
            ? state.Tasks.Concat(state.Timers.Select(t => t.Task).OfType<TaskDefinition>()).FirstOrDefault(t => t.Id == task.DefinitionTaskId)
            : null;
}
