namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>Raises an event from outside on an instance, as one unit of work.</summary>
internal sealed class RaiseHandler(UnitOfWork work, EventApplier events)
{
    public Task<EventOutcome> RaiseAsync(Guid instanceId, WorkflowEvent e, CancellationToken ct) =>
        work.RunAsync(instanceId, async session =>
        {
            var instance = await session.FindInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
            return await events.ApplyAsync(session, instance, e, ct);
        }, ct);
}
