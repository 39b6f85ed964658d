namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>
/// Fires one durable timer, exactly once: marks it fired, raises its event, creates its task and sets a repeating one
/// again, in one unit of work. A timer whose instance has gone or left the timer's state is cancelled and journaled.
/// </summary>
internal sealed class FireTimerHandler(EngineServices services, UnitOfWork work, EventApplier events)
{
    private const string Actor = "timer";

    public Task<TimerOutcome> FireAsync(Guid timerId, CancellationToken ct) =>
        work.RunAsync(session => FireAsync(session, timerId, ct), ct);

    private async Task<TimerOutcome> FireAsync(IWorkflowSession session, Guid timerId, CancellationToken ct)
    {
        var timer = await session.FindTimerAsync(timerId, ct);
        if (timer is not { Status: TimerStatus.Pending }) return TimerOutcome.Skipped;
        var now = services.Now();
        var instance = await session.FindInstanceAsync(timer.InstanceId, ct);
        if (instance is null || instance.Status != InstanceStatus.Active || instance.State != timer.State)
        {
            timer.Status = TimerStatus.Cancelled;
            var why = instance is null ? "its workflow instance no longer exists" : $"the instance has left '{timer.State}'";
            TimerJournal.Cancelled(new JournalScope(session, timer.InstanceId, now, Actor), timer, why);
            instance?.Touch(now);
            return TimerOutcome.Cancelled;
        }

        var definition = await services.DefinitionOfAsync(instance, ct);
        var ctx = new InstanceContext(session, instance, definition, services.Calendars.ForBorough(instance.BoroughId), now, Actor);
        var state = definition.State(timer.State);
        var declared = state.Timers.FirstOrDefault(t => t.Id == timer.TimerId);
        timer.Status = TimerStatus.Fired;
        timer.FiredAt = now;
        TimerJournal.Fired(ctx.Journal, state.Id, timer, declared);

        if (declared is not null && !string.IsNullOrEmpty(declared.Raises) && definition.TransitionsFrom(state.Id, declared.Raises).Count > 0)
            await events.ApplyAsync(session, instance, new WorkflowEvent(declared.Raises, EventData.Empty, Actor), ct);
        else
            instance.Touch(now);
        if (declared is not null && instance.State == state.Id && instance.Status == InstanceStatus.Active)
            FollowUp(ctx, state, declared, UkTime.DateOfUtc(timer.DueAt), await ChasesOpenWorkAsync(session, instance, declared, ct));
        return TimerOutcome.Fired;
    }

    /// <summary>Whether the timer has work to chase: it names no task to wait for (always), or that task is still open.</summary>
    private static async Task<bool> ChasesOpenWorkAsync(IWorkflowSession session, WorkflowInstance instance, TimerDefinition declared,
        CancellationToken ct) =>
        declared.WhileOpen is not { } chased
        || (await session.OpenTasksAsync(instance.Id, ct)).Any(t => t.DefinitionTaskId == chased && t.State == instance.State);

    /// <summary>The task the timer hands out (due counted from the day it fell due) and, for a repeating timer, the next one.</summary>
    private static void FollowUp(InstanceContext ctx, StateDefinition state, TimerDefinition declared, DateOnly dueDay, bool chases)
    {
        if (declared.Task is { } template && !chases)
        {
            TimerJournal.NothingToChase(ctx.Journal, state.Id, declared, template);
        }
        else if (declared.Task is { } task)
        {
            var due = task.Due is null ? dueDay : SchoolTime.Resolve(task.Due, dueDay, ctx.Calendar, ctx.Definition);
            var created = WorkTaskFactory.Create(ctx, state.Id, task, due);
            ctx.Session.Add(created);
            TimerJournal.TaskCreated(ctx.Journal, state.Id, created);
        }
        if (declared.Every is { } every)
        {
            var next = SchoolTime.Resolve(every, dueDay, ctx.Calendar, ctx.Definition);
            var repeat = TimerFactory.Create(ctx.Instance, state.Id, declared, next, ctx.Now);
            ctx.Session.Add(repeat);
            TimerJournal.SetAgain(ctx.Journal, state.Id, repeat);
        }
    }
}
