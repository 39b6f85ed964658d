namespace SendWorkflow.Workflows.Runtime.Migration;

/// <summary>
/// An instance moved to a version whose state has the same id stays in it: it keeps the time it entered the state, its open
/// tasks whose task the new state still has, and its pending timers whose timer the new state still has (a deadline keeps its
/// day unless the new version counts it differently; then it counts from the same entry). What the new state no longer has is
/// cancelled; what is new in it is handed out. Nothing the instance has had (done, cancelled or fired) is made again.
/// </summary>
internal static class StateKeeper
{
    /// <param name="ctx">The instance, already on the new version (<see cref="InstanceContext.Definition"/> is the new one).</param>
    /// <param name="was">The state and definition it ran before the move.</param>
    public static async Task KeepAsync(InstanceContext ctx, (StateDefinition State, CompiledDefinition Definition) was, CancellationToken ct)
    {
        var instance = ctx.Instance;
        var now = ctx.Definition.State(instance.State);
        instance.Stage = now.Stage;
        var anchors = await DayAnchors.ForStateAsync(ctx.Session, instance, now, UkTime.DateOfUtc(instance.EnteredStateAt), ct);

        var cancelled = await KeepTasksAsync(ctx, now, ct);
        StateJournal.TasksCancelled(ctx.Journal, now, cancelled);
        StateJournal.TasksCreated(ctx.Journal, now, await NewTasksAsync(ctx, was.State, now, anchors with { Entered = ctx.Today }, ct));

        var pending = (await ctx.Session.PendingTimersAsync(instance.Id, ct)).Where(t => t.State == now.Id).ToList();
        var stopped = new List<WorkflowTimer>();
        foreach (var timer in pending)
        {
            var template = now.Timers.FirstOrDefault(t => t.Id == timer.TimerId);
            if (template is null)
            {
                timer.Status = TimerStatus.Cancelled;
                stopped.Add(timer);
                continue;
            }
            var before = was.State.Timers.FirstOrDefault(t => t.Id == timer.TimerId)?.After;
            if (template.After is not { } after) continue;
            var due = Due(ctx, after, anchors, ctx.Definition);
            if (before is null || Due(ctx, before, anchors, was.Definition) != due) timer.DueAt = UkTime.StartOf(due).UtcDateTime;
        }
        StateJournal.TimersCancelled(ctx.Journal, now, stopped);

        var started = new List<WorkflowTimer>();
        foreach (var t in now.Timers.Where(t => was.State.Timers.All(o => o.Id != t.Id) && pending.All(p => p.TimerId != t.Id)))
        {
            var timer = TimerFactory.Create(instance, now.Id, t, Due(ctx, (t.After ?? t.Every)!, anchors, ctx.Definition), ctx.Now);
            ctx.Session.Add(timer);
            started.Add(timer);
        }
        StateJournal.TimersStarted(ctx.Journal, now, started, []);
    }

    /// <summary>The day a deadline of the state falls, counted from its anchor; one already passed falls today.</summary>
    private static DateOnly Due(InstanceContext ctx, When when, DayAnchors anchors, CompiledDefinition definition)
    {
        var due = SchoolTime.Resolve(when, anchors.From(when), ctx.Calendar, definition);
        return due < ctx.Today ? ctx.Today : due;
    }

    /// <summary>Cancels the state's open tasks the new state no longer has; the others take the new version's wording and role.</summary>
    private static async Task<List<WorkTask>> KeepTasksAsync(InstanceContext ctx, StateDefinition now, CancellationToken ct)
    {
        var cancelled = new List<WorkTask>();
        foreach (var task in await ctx.Session.OpenTasksAsync(ctx.Instance.Id, ct))
        {
            if (task.Status != WorkTaskStatus.Open || task.State != now.Id) continue;
            var escalation = task.Kind == WorkTask.EscalationKind;
            var id = escalation ? task.DefinitionTaskId["escalation:".Length..] : task.DefinitionTaskId;
            var template = now.Tasks.FirstOrDefault(t => t.Id == id);
            if (template is null)
            {
                task.Status = WorkTaskStatus.Cancelled;
                task.CompletedAt = ctx.Now;
                cancelled.Add(task);
            }
            else if (!escalation
                && (task.Title, task.Role, task.Form, task.Raises) != (template.Title, template.Role, template.Form, template.Raises))
            {
                (task.Title, task.Role, task.Form, task.Raises) = (template.Title, template.Role, template.Form, template.Raises);
                task.Revision++;
            }
        }
        return cancelled;
    }

    /// <summary>
    /// The new state's unconditional tasks that the old state did not have and the instance never had, due counting from
    /// today (the day the work is handed out). Conditional tasks and tasks waiting for an event come as they would anyway.
    /// </summary>
    private static async Task<List<WorkTask>> NewTasksAsync(InstanceContext ctx, StateDefinition was, StateDefinition now, DayAnchors anchors,
        CancellationToken ct)
    {
        var created = new List<WorkTask>();
        foreach (var t in now.Tasks.Where(t => t.On is null && t.If is null && was.Tasks.All(o => o.Id != t.Id)))
        {
            if (await ctx.Session.HasTaskAsync(ctx.Instance.Id, t.Id, ct)) continue;
            var due = t.Due is null ? ctx.Today : SchoolTime.Resolve(t.Due, anchors.From(t.Due), ctx.Calendar, ctx.Definition);
            var task = WorkTaskFactory.Create(ctx, now.Id, t, due);
            ctx.Session.Add(task);
            created.Add(task);
        }
        return created;
    }
}
