using Microsoft.Extensions.Logging;

namespace SendWorkflow.Workflows.Timers;

/// <summary>
/// The daily deadline round (07:00 UK time): warns roles of tasks falling due soon and escalates tasks that went
/// overdue. Each warning and escalation happens once, in its own unit of work.
/// </summary>
public sealed class DeadlineSweeper(ITimerQueries queries, WorkflowEngine engine, ILogger<DeadlineSweeper> logger)
{
    /// <summary>
    /// The warnings and the escalations side by side: they are of different tasks (a warning's falls due today or later,
    /// an escalation's fell due before today), and each waits mostly for its commits, which the store then makes together.
    /// </summary>
    public async Task<SweepResult> SweepAsync(DateOnly today, CancellationToken ct)
    {
        var warnings = WarnAsync(today, ct);
        var escalations = EachAsync(() => queries.OverdueTasksAsync(today, Batch, ct), id => engine.EscalateAsync(id, ct));
        await Task.WhenAll(warnings, escalations);
        var (escalated, foundDone) = await escalations;
        return new SweepResult(await warnings, escalated, foundDone);
    }

    private async Task<int> WarnAsync(DateOnly today, CancellationToken ct)
    {
        var warned = 0;
        while (await queries.TasksToWarnAsync(today, Batch, ct) is { Count: > 0 } due)
        {
            var done = (await Task.WhenAll(due.Chunk(100).Select(chunk => engine.WarnManyAsync(chunk.Select(t => t.TaskId).ToList(), ct)))).Sum();
            warned += done;
            // A batch short of the limit held every task to warn: asking again would find none (a warning makes no task to
            // warn), a query for nothing each day. A task made while the round runs is warned by the next round.
            if (done == 0 || due.Count < Batch) break;
        }
        return warned;
    }

    // The tasks read at a time, to warn or to escalate.
    private const int Batch = 500;

    private const int SideBySide = 16;

    // How many tasks it acted on, and how many it found no longer open (or whose instance was gone) when their unit ran.
    private async Task<(int Done, int FoundDone)> EachAsync(Func<Task<IReadOnlyList<DueTask>>> next, Func<Guid, Task<bool>> act)
    {
        var (done, foundDone) = (0, 0);
        var seen = new HashSet<Guid>();
        while (true)
        {
            var batch = await next();
            var tasks = batch.Where(t => seen.Add(t.TaskId)).ToList();
            if (tasks.Count == 0) return (done, foundDone);
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
                        else Interlocked.Increment(ref foundDone);
                    }
                    // A full or read-only disk stops the round (the job tries again later); one task's fault does not.
                    catch (Exception ex) when (ex is not OperationCanceledException and not StorageUnavailableException)
                    {
                        logger.LogError("Deadline of task {TaskId} could not be handled: {Error}", task.TaskId, ex.Message);
                    }
                }
            });
            // Short of the limit: every overdue task was in it (an escalation's own task falls due later).
            if (batch.Count < Batch) return (done, foundDone);
        }
    }
}
