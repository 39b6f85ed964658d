namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>
/// Leaving a state closes its open tasks and stops its timers; says how many of each. A task that belongs to the
/// instance (<see cref="TaskDefinition.OfInstance()"/>) stays open unless the instance itself is ending.
/// </summary>
internal static class StateLeaver
{
    public static async Task<(int Tasks, int Timers)> LeaveAsync(InstanceContext ctx, StateDefinition state, bool ending, CancellationToken ct)
    {
        // The session hands back tracked entities: a task completed by this very event is no longer open.
        var tasks = (await ctx.Session.OpenTasksAsync(ctx.Instance.Id, ct))
            .Where(t => t.Status == WorkTaskStatus.Open && (ending || !OfInstance(ctx, t))).ToList();
        foreach (var t in tasks)
        {
            t.Status = WorkTaskStatus.Cancelled;
            t.CompletedAt = ctx.Now;
        }
        var timers = await ctx.Session.PendingTimersAsync(ctx.Instance.Id, ct);
        foreach (var t in timers)
        {
            t.Status = TimerStatus.Cancelled;
        }
        StateJournal.TasksCancelled(ctx.Journal, state, tasks);
        StateJournal.TimersCancelled(ctx.Journal, state, timers);
        return (tasks.Count, timers.Count);
    }

    private static bool OfInstance(InstanceContext ctx, WorkTask task) =>
        ctx.Definition.States.GetValueOrDefault(task.State)?.Tasks.FirstOrDefault(t => t.Id == task.DefinitionTaskId)?.OfInstance() == true;
}
