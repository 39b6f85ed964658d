namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>
/// Ends a running instance from outside, for a reason a person gave (its subject has gone elsewhere): the state's open
/// tasks are cancelled, its pending timers stopped and the ending journaled with the reason, in one unit of work, as a
/// transition to an end state would. An instance that has already ended is left as it is.
/// </summary>
internal sealed class CloseHandler(EngineServices services, UnitOfWork work)
{
    public Task<InstanceClosure> CloseAsync(Guid instanceId, string reason, string? actor, CancellationToken ct) =>
        work.RunAsync(instanceId, async session =>
        {
            var instance = await session.FindInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
            if (instance.Status != InstanceStatus.Active) return new InstanceClosure(instanceId, false, 0, 0);
            var definition = await services.DefinitionOfAsync(instance, ct);
            var ctx = new InstanceContext(session, instance, definition, services.Calendars.ForBorough(instance.BoroughId),
                services.Now(), actor);
            var state = definition.State(instance.State);
            instance.Touch(ctx.Now);
            var (tasks, timers) = await StateLeaver.LeaveAsync(ctx, state, ending: true, ct);
            instance.Status = InstanceStatus.Closed;
            StateJournal.ClosedEarly(ctx.Journal, state, reason);
            return new InstanceClosure(instanceId, true, tasks, timers);
        }, ct);
}
