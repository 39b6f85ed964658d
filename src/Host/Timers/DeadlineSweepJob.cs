using Quartz;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Host.Timers;

/// <summary>Quartz job: the daily deadline round at 07:00 Europe/London, whatever the clocks did overnight.</summary>
[DisallowConcurrentExecution]
internal sealed class DeadlineSweepJob(DeadlineSweeper sweeper, TimeProvider time, ILogger<DeadlineSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("deadline-sweep", "sendworkflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await sweeper.SweepAsync(UkTime.DateOf(time.GetUtcNow()), cancellationToken);
        logger.LogInformation("Deadlines: {Warned} warned, {Escalated} escalated", result.Warned, result.Escalated);
    }
}
