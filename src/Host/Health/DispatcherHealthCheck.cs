using Microsoft.Extensions.Diagnostics.HealthChecks;
using SendWorkflow.Host.Timers;

namespace SendWorkflow.Host.Health;

/// <summary>
/// On the system clock, Quartz runs the timer dispatcher every few seconds: ready only if it ran recently (ten
/// intervals, at least two minutes, allowing for its back-off on a full disk). With the simulated clock the dispatcher
/// runs when the clock is advanced, so there is nothing to wait for.
/// </summary>
internal sealed class DispatcherHealthCheck(DispatcherSchedule schedule, DispatcherStatus status, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (schedule.Interval is not { } interval)
            return Task.FromResult(HealthCheckResult.Healthy("The simulated clock drives the timer dispatcher."));
        var data = new Dictionary<string, object> { ["intervalSeconds"] = interval.TotalSeconds };
        if (status.LastRunAt is { } last) data["lastRun"] = last;
        if (status.LastProblem is { } problem) data["lastProblem"] = problem;
        var limit = TimeSpan.FromTicks(Math.Max(interval.Ticks * 10, TimeSpan.FromMinutes(2).Ticks));
        var since = status.LastRunAt ?? status.Since;
        return Task.FromResult(time.GetUtcNow() - since <= limit
            ? HealthCheckResult.Healthy(status.LastRunAt is null ? "The timer dispatcher has not run yet; it starts with the service."
                : "The timer dispatcher ran recently.", data)
            : HealthCheckResult.Unhealthy($"The timer dispatcher has not run for over {limit.TotalSeconds:0} seconds.", data: data));
    }
}
