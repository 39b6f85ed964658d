namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>
/// Checks a running instance's conditional tasks of the instance again after its subject's facts moved on outside any
/// event (a new school year moved the year group up): those whose condition now holds, and that the instance never
/// had, are handed out, journaled with the reason. Returns how many; an instance without such tasks is not written.
/// </summary>
internal sealed class RecheckHandler(EngineServices services, UnitOfWork work)
{
    public Task<int> RecheckAsync(Guid instanceId, string reason, string? actor, CancellationToken ct) =>
        work.RunAsync(instanceId, async session =>
        {
            var instance = await session.FindInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
            if (instance.Status != InstanceStatus.Active) return 0;
            var definition = await services.DefinitionOfAsync(instance, ct);
            var state = definition.State(instance.State);
            if (!state.Tasks.Any(t => t.OfInstance() && t.If is not null)) return 0;
            var subject = await session.FindSubjectAsync(instance.SubjectId, ct);
            if (subject is null) return 0;
            var ctx = new InstanceContext(session, instance, definition, services.Calendars.ForBorough(instance.BoroughId),
                services.Now(), actor);
            var entry = new StateEntry(state, instance.EnteredBy, instance.EnteredVia, subject.YearGroup);
            var created = await StateEnterer.HandOutInstanceTasksAsync(ctx, entry, ct);
            if (created.Count == 0) return 0;
            instance.Touch(ctx.Now);
            StateJournal.Rechecked(ctx.Journal, state, reason, created);
            return created.Count;
        }, ct);
}
