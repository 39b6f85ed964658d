namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>
/// A child workflow ending in a state that notifies raises the state's event on the workflow that started it, in the
/// same unit of work, when that one is still running and its state waits for the event; otherwise it is journaled.
/// </summary>
internal sealed class ParentNotifier(EngineServices services, EventApplier events)
{
    public async Task NotifyAsync(InstanceContext child, StateDefinition state, ParentNotification notification, Guid parentId,
        CancellationToken ct)
    {
        var parent = await child.Session.FindInstanceAsync(parentId, ct);
        if (parent is not { Status: InstanceStatus.Active })
        {
            LineageJournal.ParentEnded(child.Journal, state, notification);
            return;
        }
        var parentDefinition = await services.DefinitionOfAsync(parent, ct);
        if (!parentDefinition.Handles(parent.State, notification.Event))
        {
            LineageJournal.ParentMovedOn(child.Journal, state, notification, parent.State);
            return;
        }
        var e = new WorkflowEvent(notification.Event, EventData.FromJson(notification.Data), child.Actor);
        await events.ApplyAsync(child.Session, parent, e, ct);
    }
}
