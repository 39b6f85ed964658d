using Microsoft.Extensions.Logging;

namespace SendWorkflow.Workflows.Timers;

/// <summary>
/// The daily deadline round (07:00 UK time): warns roles of tasks falling due soon and escalates tasks that went
/// overdue. Each warning and escalation happens once, in its own unit of work.
/// </summary>
public sealed class DeadlineSweeper(ITimerQueries queries, WorkflowEngine engine, ILogger<DeadlineSweeper> logger)
{
    public async Task<SweepResult> SweepAsync(DateOnly today, CancellationToken ct)
    {
        var warned = 0;
        while (await queries.TasksToWarnAsync(today, 500, ct) is { Count: > 0 } due)
        {
            var done = await Task.WhenAll(due.Chunk(100).Select(chunk => engine.WarnManyAsync(chunk.Select(t => t.TaskId).ToList(), ct)));
            if (done.Sum() == 0) break;
            warned += done.Sum();
        }
        var escalated = await EachAsync(() => queries.OverdueTasksAsync(today, 500, ct), id => engine.EscalateAsync(id, ct));
        return new SweepResult(warned, escalated);
    }

    private const int SideBySide = 16;

    private async Task<int> EachAsync(Func<Task<IReadOnlyList<DueTask>>> next, Func<Guid, Task<bool>> act)
    {
        var done = 0;
        var seen = new HashSet<Guid>();
        while (true)
        {
            var tasks = (await next()).Where(t => seen.Add(t.TaskId)).ToList();
            if (tasks.Count == 0) return done;
            // Tasks of one instance one after another (they would only conflict); instances side by side, enough of them for the
            // store to commit several in one go (4 at a time left the single SQLite writer half idle through the round).
            var options = new ParallelOptions { MaxDegreeOfParallelism = SideBySide };
            await Parallel.ForEachAsync(tasks.GroupBy(t => t.InstanceId), options, async (group, _) =>
            {
                foreach (var task in group)
                {
                    try
                    {
                        if (await act(task.TaskId)) Interlocked.Increment(ref done);
                    }
                    // A full or read-only disk stops the round (the job tries again later); one task's fault does not.
                    catch (Exception ex) when (ex is not OperationCanceledException and not StorageUnavailableException)
                    {
                        logger.LogError("Deadline of task {TaskId} could not be handled: {Error}", task.TaskId, ex.Message);
                    }
                }
            });
        }
    }
}
