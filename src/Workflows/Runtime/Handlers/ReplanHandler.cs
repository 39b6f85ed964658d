namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>
/// Re-plans the pending deadlines of a running instance under the parameters in force now (after a borough changed its
/// timelines): one-off timers and the state's open tasks whose timing uses a parameter move, counted from the same day
/// as before; repeating timers keep their rhythm. Journaled with what moved; returns how many moved.
/// </summary>
internal sealed class ReplanHandler(EngineServices services, UnitOfWork work)
{
    public Task<int> ReplanAsync(Guid instanceId, string reason, string? actor, CancellationToken ct) =>
        work.RunAsync(instanceId, async session =>
        {
            if (await RunningInstance.LoadAsync(services, session, instanceId, actor, ct) is not { } ctx) return 0;
            var instance = ctx.Instance;
            var state = ctx.Definition.State(instance.State);
            var anchors = await DayAnchors.ForStateAsync(session, instance, state, UkTime.DateOfUtc(instance.EnteredStateAt), ct);
            var moved = new List<string>();
            await MoveTimersAsync(ctx, (state, anchors), moved, ct);
            await MoveTasksAsync(ctx, (state, anchors), moved, ct);
            if (moved.Count == 0) return 0;
            instance.Touch(ctx.Now);
            EventJournal.Replanned(ctx.Journal, state.Id, reason, moved);
            return moved.Count;
        }, ct);

    private static async Task MoveTimersAsync(InstanceContext ctx, (StateDefinition State, DayAnchors Anchors) plan, List<string> moved,
        CancellationToken ct)
    {
        foreach (var timer in await ctx.Session.PendingTimersAsync(ctx.Instance.Id, ct))
        {
            if (timer.State != plan.State.Id
                || plan.State.Timers.FirstOrDefault(t => t.Id == timer.TimerId)?.After is not { Param: not null } when)
            {
                continue;
            }
            var due = SchoolTime.Resolve(when, plan.Anchors.From(when), ctx.Calendar, ctx.Definition);
            var dueAt = UkTime.StartOf(due).UtcDateTime;
            if (dueAt == timer.DueAt) continue;
            moved.Add($"timer '{timer.TimerId}' from {UkTime.Format(UkTime.DateOfUtc(timer.DueAt))} to {UkTime.Format(due)}");
            timer.DueAt = dueAt;
        }
    }

    private static async Task MoveTasksAsync(InstanceContext ctx, (StateDefinition State, DayAnchors Anchors) plan, List<string> moved,
        CancellationToken ct)
    {
        foreach (var task in await ctx.Session.OpenTasksAsync(ctx.Instance.Id, ct))
        {
            if (task.Status != WorkTaskStatus.Open || task.State != plan.State.Id) continue;
            var template = plan.State.Tasks.FirstOrDefault(t => t.Id == task.DefinitionTaskId);
            if (template is null || template.Repeat || (template.Due?.Param is null && template.Warn?.Param is null)) continue;
            var due = template.Due is null
                ? task.DueOn
                : SchoolTime.Resolve(template.Due, plan.Anchors.From(template.Due), ctx.Calendar, ctx.Definition);
            DateOnly? warnOn = template.Warn is { } warn ? SchoolTime.Before(warn, due, ctx.Calendar, ctx.Definition) : null;
            if (due == task.DueOn && warnOn == task.WarnOn) continue;
            moved.Add(due == task.DueOn
                ? $"reminder of '{task.Title}' to {(warnOn is { } w ? UkTime.Format(w) : "none")}"
                : $"'{task.Title}' due from {UkTime.Format(task.DueOn)} to {UkTime.Format(due)}");
            if (task.WarnedAt is { } warned && warnOn > UkTime.DateOfUtc(warned)) task.WarnedAt = null;
            task.DueOn = due;
            task.WarnOn = warnOn;
            task.Revision++;
        }
    }
}
