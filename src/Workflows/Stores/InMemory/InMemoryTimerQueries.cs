namespace SendWorkflow.Workflows.Stores.InMemory;

/// <summary>The dispatcher's and the deadline round's questions, asked of an in-memory store's committed rows.</summary>
public sealed class InMemoryTimerQueries(InMemoryWorkflowStore store) : ITimerQueries
{
    public Task<IReadOnlyList<DueTimer>> DueTimersAsync(DateTime upTo, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DueTimer>>(store.Tables.Read(t => t.Timers.Values
            .Where(timer => timer.Status == TimerStatus.Pending && timer.DueAt <= upTo)
            .OrderBy(timer => timer.DueAt).ThenBy(timer => timer.Id)
            .Take(max)
            .Select(timer => new DueTimer(timer.Id, timer.InstanceId, timer.DueAt))
            .ToList()));

    public Task<DateTime?> NextDueAsync(CancellationToken ct) =>
        Task.FromResult(store.Tables.Read(t => t.Timers.Values.Where(timer => timer.Status == TimerStatus.Pending)
            .Select(timer => (DateTime?)timer.DueAt).Min()));

    public Task<IReadOnlyList<DueTask>> TasksToWarnAsync(DateOnly today, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DueTask>>(store.Tables.Read(t => t.Tasks.Values
            .Where(task => task is { Status: WorkTaskStatus.Open, WarnOn: { } warnOn, WarnedAt: null } && warnOn <= today && task.DueOn >= today)
            .OrderBy(task => task.WarnOn)
            .Take(max)
            .Select(task => new DueTask(task.Id, task.InstanceId))
            .ToList()));

    public Task<IReadOnlyList<DueTask>> OverdueTasksAsync(DateOnly today, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DueTask>>(store.Tables.Read(t => t.Tasks.Values
            .Where(task => task is { Status: WorkTaskStatus.Open, EscalatedAt: null } && task.DueOn < today)
            .OrderBy(task => task.DueOn)
            .Take(max)
            .Select(task => new DueTask(task.Id, task.InstanceId))
            .ToList()));
}
