namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>Starts the workflow a state starts, for the same subject, in the same unit of work; once while it runs.</summary>
internal sealed class ChildStarter(EngineServices services, StateEnterer states)
{
    /// <param name="parent">The instance entering the state that starts the child.</param>
    /// <param name="startedAt">The instant the child counts from (its start; may be before now).</param>
    public async Task StartAsync(InstanceContext parent, StateEntry entry, string childId, DateTime startedAt, CancellationToken ct)
    {
        var p = parent.Instance;
        var subject = new SubjectPlacement(p.SubjectId, p.SchoolId, p.BoroughId, entry.YearGroup, entry.LookedAfter) { Transfer = entry.Transfer };
        var child = await services.Catalog.GetPublishedAsync(childId, subject, ct);
        if (await parent.Session.FindActiveInstanceAsync(p.SubjectId, childId, ct) is { } running)
        {
            LineageJournal.ChildAlreadyRunning(parent.Journal, entry.State, child, running);
            return;
        }
        var instance = InstanceFactory.Create(child, subject, parent.Now, p.Id);
        instance.StartedAt = startedAt;
        parent.Session.Add(instance);
        LineageJournal.ChildStarted(parent.Journal, entry.State, child, instance.Id);
        var ctx = parent with { Instance = instance, Definition = child };
        LineageJournal.StartedByParent(ctx.Journal, child, entry.State, p.Id, startedAt);
        var initial = child.State(child.Definition.InitialState);
        await states.EnterAsync(ctx, StateEntry.AtStart(initial, subject), ct);
    }
}
