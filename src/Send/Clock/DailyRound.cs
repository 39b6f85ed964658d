using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Send.Clock;

/// <summary>
/// The 07:00 round of each UK day, on the real clock (a Quartz job) and the simulated one alike: on a new school year
/// the year groups move up (and the deadlines that follow from them are handed out), then the warnings and
/// escalations of the tasks due, then the school year's programmes (started on the first day of a year for the schools
/// that ran them the year before; a day missed is caught up by the next), then the reminder emails once all of that has
/// committed (the escalations just made, and on school days the morning digests; nothing when email is off).
/// With several hosts one round runs at a time (<see cref="ClusterLock"/>): a second one, after it, finds the day's work done.
/// </summary>
public sealed class DailyRound(DeadlineSweeper sweeper, Pupils.YearGroups yearGroups, Programmes.Programmes programmes,
    Reminders.ReminderEmails reminders, SenAudits.SenAudits senAudits, ClusterLock locks)
{
    public async Task<SweepResult> RunAsync(DateOnly today, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("daily-round", ct);
        await yearGroups.MoveUpAsync(today, ct);
        var result = await sweeper.SweepAsync(today, ct);
        await programmes.RollOverAsync(today, ct);
        // A school whose last SEN audit is two years old gets one (a task for the borough's LA officer to fix it).
        await senAudits.ScheduleDueAsync(today, ct);
        await reminders.SendAsync(today, ct);
        return result;
    }
}
