namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>Work on an instance outside an event (re-planning, re-checking) starts here: the instance if it still runs.</summary>
internal static class RunningInstance
{
    /// <summary>The instance with its definition and calendar, ready for work; null when it has ended.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public static async Task<InstanceContext?> LoadAsync(EngineServices services, IWorkflowSession session, Guid instanceId, string? actor,
        CancellationToken ct)
    {
        var instance = await session.FindInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
        if (instance.Status != InstanceStatus.Active) return null;
        var definition = await services.DefinitionOfAsync(instance, ct);
        return new InstanceContext(session, instance, definition, services.Calendars.ForBorough(instance.BoroughId), services.Now(), actor);
    }
}
