using Quartz;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Host.Timers;

/// <summary>
/// Quartz job: fires every durable timer that has fallen due. One run at a time. Each run is recorded for the
/// readiness check. A full or read-only disk ends the run (the timers stay pending, nothing is lost), is logged once,
/// and the next runs back off until a write works again.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DispatchTimersJob(TimerDispatcher dispatcher, DispatcherStatus status, TimeProvider time, ILogger<DispatchTimersJob> logger)
    : IJob
{
    public static readonly JobKey Key = new("dispatch-timers", "sendworkflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (status.ShouldSkip(now)) return;
        try
        {
            var result = await dispatcher.FireDueAsync(now, cancellationToken);
            var recovered = status.LastProblem is not null;
            status.Succeeded(time.GetUtcNow());
            if (recovered) logger.LogInformation("Timer dispatch works again");
            if (result.Fired + result.Cancelled + result.Failed > 0)
            {
                logger.LogInformation("Timers: {Fired} fired, {Cancelled} cancelled, {Failed} failed", result.Fired, result.Cancelled, result.Failed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var problem = SqliteStorageErrors.Classify(ex)?.Message ?? ex.Message;
            if (status.Failed(time.GetUtcNow(), problem))
                logger.LogWarning("Timer dispatch stopped; due timers stay pending and fire when it works again: {Problem}", problem);
        }
    }
}
