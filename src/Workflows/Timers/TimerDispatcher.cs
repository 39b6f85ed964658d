using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SendWorkflow.Workflows.Timers;

/// <summary>
/// Fires every pending timer that has fallen due, earliest first. Each firing is its own unit of work and marks
/// the timer fired exactly once (a timer already fired or cancelled by someone else is skipped). Timers of one
/// instance fire one after another in due order; different instances fire side by side.
/// </summary>
public sealed class TimerDispatcher(
    ITimerQueries queries, WorkflowEngine engine, ILogger<TimerDispatcher> logger, TimerDispatchOptions? options = null)
{
    /// <summary>The options this dispatcher was made with (the defaults when none were given).</summary>
    public TimerDispatchOptions Options { get; } = options ?? TimerDispatchOptions.Default;

    /// <summary>Fires what is due at or before <paramref name="upTo"/> with this dispatcher's options.</summary>
    public Task<DispatchResult> FireDueAsync(DateTimeOffset upTo, CancellationToken ct) => FireDueAsync(upTo, Options, ct);

    /// <summary>
    /// Fires what is due at or before <paramref name="upTo"/> with other options, e.g. a backlog after downtime with more
    /// parallelism and no pause.
    /// </summary>
    public async Task<DispatchResult> FireDueAsync(DateTimeOffset upTo, TimerDispatchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = DispatchResult.None;
        var failed = new HashSet<Guid>();
        while (!ct.IsCancellationRequested)
        {
            var due = (await queries.DueTimersAsync(upTo.UtcDateTime, options.BatchSize + failed.Count, ct))
                .Where(t => !failed.Contains(t.TimerId)).Take(options.BatchSize).ToList();
            if (due.Count == 0) break;

            // Each instance's timers in due order, handed to whichever lane is free: a lane that drew a long run does not
            // hold up the batch while the others wait (a fixed share per lane left most lanes idle at each batch's end).
            var instances = new ConcurrentQueue<List<DueTimer>>(due.GroupBy(t => t.InstanceId).Select(g => g.ToList()));
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Parallelism, instances.Count))
                .Select(_ => FireLaneAsync(instances, failed, ct)));
            foreach (var o in outcomes) result = result.Add(o);
            if (options.PauseBetweenBatches > TimeSpan.Zero) await Task.Delay(options.PauseBetweenBatches, ct);
        }
        return result;
    }

    private async Task<DispatchResult> FireLaneAsync(ConcurrentQueue<List<DueTimer>> instances, HashSet<Guid> failed, CancellationToken ct)
    {
        var (fired, cancelled, errors) = (0, 0, 0);
        while (instances.TryDequeue(out var timers))
        {
            foreach (var timer in timers)
            {
                try
                {
                    switch (await engine.FireTimerAsync(timer.TimerId, ct))
                    {
                        case TimerOutcome.Fired: fired++; break;
                        case TimerOutcome.Cancelled: cancelled++; break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not StorageUnavailableException)
                {
                    // A full or read-only disk stops the whole round (the caller backs off): every other timer would fail too.
                    // The timer stays pending and is tried again at the next dispatch; ids only, never personal data.
                    errors++;
                    lock (failed) failed.Add(timer.TimerId);
                    logger.LogError("Timer {TimerId} of instance {InstanceId} could not fire: {Error}",
                        timer.TimerId, timer.InstanceId, ex.Message);
                }
            }
        }
        return new DispatchResult(fired, cancelled, errors);
    }
}
