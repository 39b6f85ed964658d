using Quartz;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Host.Timers;

/// <summary>Quartz job: fires every durable timer that has fallen due. One run at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class DispatchTimersJob(TimerDispatcher dispatcher, TimeProvider time, ILogger<DispatchTimersJob> logger) : IJob
{
    public static readonly JobKey Key = new("dispatch-timers", "sendworkflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await dispatcher.FireDueAsync(time.GetUtcNow(), cancellationToken);
        if (result.Fired + result.Cancelled + result.Failed > 0)
        {
            logger.LogInformation("Timers: {Fired} fired, {Cancelled} cancelled, {Failed} failed", result.Fired, result.Cancelled, result.Failed);
        }
    }
}
