namespace SendWorkflow.Workflows.Runtime.Migration;

/// <summary>
/// Moves one instance to another version of its definition in one unit of work, or (a dry run) computes the same move in a
/// session that is never committed, so the plan shown is exactly what applying it does. An instance that has moved on,
/// ended or runs another version is skipped and nothing of it is written.
/// </summary>
internal sealed class MigrateHandler(EngineServices services, UnitOfWork work, StateEnterer states)
{
    /// <summary>How the facts name an entry made by a move to another version.</summary>
    public const string EnteredBy = "migration";

    public async Task<MigrationOutcome> MigrateAsync(InstanceMigration request, CancellationToken ct)
    {
        try
        {
            if (!request.DryRun)
                return await work.RunAsync(request.InstanceId, session => MoveAsync(new RecordingSession(session), request, ct), ct);
            await using var session = new RecordingSession(await services.Store.OpenAsync(ct));
            return await MoveAsync(session, request, ct);
        }
        catch (MigrationSkippedException skipped)
        {
            return MigrationOutcome.Skipped(request.InstanceId, skipped.Message);
        }
    }

    private async Task<MigrationOutcome> MoveAsync(RecordingSession session, InstanceMigration request, CancellationToken ct)
    {
        var versions = request.Versions;
        var instance = await session.FindInstanceAsync(request.InstanceId, ct) ?? throw Skip("there is no such workflow");
        var target = Check(instance, request);
        var from = await services.Catalog.GetAsync(versions.DefinitionId, versions.From, instance.BoroughId, ct);
        var to = await services.Catalog.GetAsync(versions.DefinitionId, versions.To, instance.BoroughId, ct);
        if (!to.States.TryGetValue(target, out var next)) throw Skip($"version {versions.To} has no state '{target}'");
        var was = from.State(instance.State);
        var calendar = services.Calendars.ForBorough(instance.BoroughId);
        var old = new InstanceContext(session, instance, from, calendar, services.Now(), request.Actor);
        var ctx = old with { Definition = to };
        var tasks = (await session.OpenTasksAsync(instance.Id, ct)).Where(t => t.Status == WorkTaskStatus.Open).ToList();
        var timers = (await session.PendingTimersAsync(instance.Id, ct)).ToList();
        var due = timers.ToDictionary(t => t.Id, t => t.DueAt);
        var before = (State: instance.State, instance.EnteredStateAt);

        instance.Touch(ctx.Now);
        instance.Version = versions.To;
        MigrationJournal.Moved(ctx.Journal, versions, (was, next), request.Reference);
        if (next.Id == was.Id)
        {
            await StateKeeper.KeepAsync(ctx, (was, from), ct);
        }
        else
        {
            // Leave as the old version had the state (its tasks of the instance stay open), enter as the new one has it.
            await StateLeaver.LeaveAsync(old, was, ending: next.Terminal, ct);
            var subject = await session.FindSubjectAsync(instance.SubjectId, ct) ?? throw Skip("its subject is no longer known");
            await states.EnterAsync(ctx, StateEntry.Of(next, EnteredBy, "", subject), ct);
        }
        return new MigrationOutcome(instance.Id, request.DryRun ? MigrationResult.Planned : MigrationResult.Moved)
        {
            SubjectId = instance.SubjectId,
            StateBefore = before.State,
            StateAfter = instance.State,
            StateKept = next.Id == was.Id,
            EnteredStateAt = instance.EnteredStateAt,
            TasksCancelled = tasks.Where(t => t.Status == WorkTaskStatus.Cancelled).Select(TaskChange.Of).ToList(),
            TasksKept = tasks.Where(t => t.Status == WorkTaskStatus.Open).Select(TaskChange.Of).ToList(),
            TasksCreated = session.AddedTasks.Where(t => t.InstanceId == instance.Id).Select(TaskChange.Of).ToList(),
            TimersCancelled = timers.Where(t => t.Status == TimerStatus.Cancelled).Select(TimerChange.Of).ToList(),
            TimersKept = timers.Where(t => t.Status == TimerStatus.Pending)
                .Select(t => TimerChange.Of(t) with { WasDueOn = t.DueAt == due[t.Id] ? null : UkTime.DateOfUtc(due[t.Id]) }).ToList(),
            TimersStarted = session.AddedTimers.Where(t => t.InstanceId == instance.Id).Select(TimerChange.Of).ToList(),
            WorkflowsStarted = session.AddedInstances.Select(i => i.DefinitionId).ToList(),
        };
    }

    /// <summary>The state the instance goes to, or why it is not moved.</summary>
    private static string Check(WorkflowInstance instance, InstanceMigration request)
    {
        var versions = request.Versions;
        if (instance.DefinitionId != versions.DefinitionId) throw Skip($"it runs '{instance.DefinitionId}', not '{versions.DefinitionId}'");
        if (instance.Status != InstanceStatus.Active) throw Skip($"it has ended (in '{instance.State}')");
        if (instance.Version != versions.From) throw Skip($"it runs version {instance.Version}, not version {versions.From}");
        if (request.ExpectedState is { } expected && expected != instance.State)
            throw Skip($"it moved on from '{expected}' to '{instance.State}' since the preview");
        return versions.StateMap.TryGetValue(instance.State, out var target)
            ? target
            : throw Skip($"its state '{instance.State}' is not in the state map");
    }

    private static MigrationSkippedException Skip(string reason) => new(reason);
}
