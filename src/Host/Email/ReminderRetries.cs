using SendWorkflow.Send.Clock;
using SendWorkflow.Send.Reminders;

namespace SendWorkflow.Host.Email;

/// <summary>
/// What the daily round could not send goes later: on the system clock, every minute while the last run left emails that
/// trying again may send (the SMTP server was down); a day's digest still goes only on its day. With the simulated clock
/// there is no Quartz start-up round, so at start-up this sends what a restart left unsent (today's digests once 07:00 has
/// passed, the recent escalations), before the host answers.
/// </summary>
internal sealed class ReminderRetries(ReminderEmails reminders, TimeProvider time, ILogger<ReminderRetries> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (reminders.Enabled && time is SimulatedTimeProvider) await SendAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!reminders.Enabled || time is SimulatedTimeProvider) return;
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (reminders.ShouldRetry) await SendAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            await reminders.SendAsync(UkTime.DateOf(time.GetUtcNow()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Reminder emails could not be prepared; the next round tries again: {Problem}", ex.GetType().Name);
        }
    }
}
