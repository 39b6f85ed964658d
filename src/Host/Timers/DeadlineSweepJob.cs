using Quartz;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Clock;

namespace SendWorkflow.Host.Timers;

/// <summary>
/// Quartz job: the daily round (deadlines, then the year's programmes: <see cref="DailyRound"/>) at 07:00
/// Europe/London, whatever the clocks did overnight. A round that cannot write (a full or read-only disk) is tried
/// again, waiting longer each time (up to ten minutes), until it completes or the service stops: a day's warnings and
/// escalations are late, never skipped, and warning or escalating a task twice is impossible (each marks the task).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DeadlineSweepJob(DailyRound daily, TimeProvider time, ILogger<DeadlineSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("deadline-sweep", "sendworkflow");
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(5);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await daily.RunAsync(UkTime.DateOf(time.GetUtcNow()), cancellationToken);
                logger.LogInformation("Deadlines: {Warned} warned, {Escalated} escalated, {FoundDone} overdue found done meanwhile",
                    result.Warned, result.Escalated, result.FoundDone);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt == 1)
                {
                    logger.LogWarning("The deadline round could not complete; trying again with back-off: {Problem}",
                        SqliteStorageErrors.Classify(ex)?.Message ?? ex.Message);
                }
            }
            try
            {
                // Real time, not the service clock (it is the system clock wherever Quartz runs).
                await Task.Delay(wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
        }
    }
}
