using SendWorkflow.Workflows.Stores;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Send.Clock;

/// <summary>
/// What moving the simulated clock did: the timers fired and cancelled, and its 07:00 rounds' warnings, escalations and
/// overdue tasks found done before their escalation ran (<see cref="SweepResult.FoundDone"/>).
/// </summary>
public sealed record AdvanceResult(DateTimeOffset Now, int Fired, int Cancelled, int Warned, int Escalated, int FoundDone = 0);

/// <summary>
/// Moves the simulated clock forward the way real time would pass: every timer fires at its own due time, in due
/// order, and the 07:00 daily round (deadlines, the year's programmes) runs on each UK day crossed. A person can
/// watch a school year unfold in minutes. A timer that cannot fire (its follow-up needs term dates the borough has not
/// published yet) stays pending and is tried again at each later step, as the dispatcher does on the real clock.
/// With several hosts on one database the clock is shared: one advance runs at a time across them (<see cref="ClusterLock"/>),
/// and each starts from where the database says the clock stands.
/// </summary>
public sealed class SimulatedClock(
    SimulatedTimeProvider clock, ITimerQueries queries, TimerDispatcher dispatcher, DailyRound daily, StoredClock stored, ClusterLock locks)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public static readonly TimeOnly SweepTime = new(7, 0);

    public async Task<AdvanceResult> AdvanceToAsync(DateTimeOffset target, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var held = await locks.AcquireAsync("simulated-clock", ct);
            await stored.RestoreAsync(ct);
            var (fired, cancelled, warned, escalated, foundDone) = (0, 0, 0, 0, 0);
            var nextSweep = NextSweepAfter(clock.GetUtcNow());
            // When the timers due fired none (one that cannot fire stays pending, as on the real clock, and is tried again
            // later), the clock moves on to the next daily round rather than stopping there: the days after it still pass.
            DateTimeOffset? stuckAt = null;
            while (true)
            {
                var now = clock.GetUtcNow();
                var nextTimer = await queries.NextDueAsync(ct) is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : (DateTimeOffset?)null;
                if (nextTimer is { } t && t <= target && t <= nextSweep && stuckAt != now)
                {
                    if (t > now) clock.AdvanceTo(t);
                    var result = await dispatcher.FireDueAsync(clock.GetUtcNow(), TimerDispatchOptions.CatchUp, ct);
                    fired += result.Fired;
                    cancelled += result.Cancelled;
                    if (result.Fired + result.Cancelled == 0) stuckAt = clock.GetUtcNow();
                    continue;
                }
                if (nextSweep > target) break;
                clock.AdvanceTo(nextSweep);
                var sweep = await daily.RunAsync(UkTime.DateOf(nextSweep), ct);
                warned += sweep.Warned;
                escalated += sweep.Escalated;
                foundDone += sweep.FoundDone;
                nextSweep = NextSweepAfter(nextSweep);
            }
            if (target > clock.GetUtcNow()) clock.AdvanceTo(target);
            await stored.SaveAsync(ct);
            return new AdvanceResult(clock.GetUtcNow(), fired, cancelled, warned, escalated, foundDone);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The first 07:00 UK time strictly after the instant.</summary>
    public static DateTimeOffset NextSweepAfter(DateTimeOffset instant)
    {
        var day = UkTime.DateOf(instant);
        for (var i = 0; i < 3; i++)
        {
            var candidate = At(day.AddDays(i));
            if (candidate > instant) return candidate;
        }
        return At(day.AddDays(3));
    }

    private static DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(SweepTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, UkTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
