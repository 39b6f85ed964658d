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
            if (await RunningInstance.LoadAsync(services, session, instanceId, actor, ct) is not { } ctx) return 0;
            var instance = ctx.Instance;
            var state = ctx.Definition.State(instance.State);
            if (!state.Tasks.Any(t => t.OfInstance() && t.If is not null)) return 0;
            if (await session.FindSubjectAsync(instance.SubjectId, ct) is not { } subject) return 0;
            var entry = StateEntry.Of(state, instance.EnteredBy, instance.EnteredVia, subject);
            var created = await StateEnterer.HandOutInstanceTasksAsync(ctx, entry, ct);
            if (created.Count == 0) return 0;
            instance.Touch(ctx.Now);
            StateJournal.Rechecked(ctx.Journal, state, reason, created);
            return created.Count;
        }, ct);
}
