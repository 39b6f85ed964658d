using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Send.Clock;

/// <summary>
/// The 07:00 round of each UK day, on the real clock (a Quartz job) and the simulated one alike: on a new school year
/// the year groups move up (and the deadlines that follow from them are handed out), then the warnings and
/// escalations of the tasks due, then the school year's programmes (started on the first day of a year for the schools
/// that ran them the year before; a day missed is caught up by the next) and the SEN audits that have fallen due (both
/// found beside the deadlines, and started after them), then the reminder emails once all of that has
/// committed (the escalations just made, and on school days the morning digests; nothing when email is off).
/// With several hosts one round runs at a time (<see cref="ClusterLock"/>): a second one, after it, finds the day's work done.
/// </summary>
public sealed class DailyRound(DeadlineSweeper sweeper, Pupils.YearGroups yearGroups, Programmes.Programmes programmes,
    Reminders.ReminderEmails reminders, SenAudits.SenAudits senAudits, ClusterLock locks)
{
    public async Task<SweepResult> RunAsync(DateOnly today, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("daily-round", ct);
        // What the programmes' first-day round and the SEN audits have to start is read beside the rest, on threads of their
        // own (SQLite's queries run to their end before they return): neither is touched by the year groups or the deadlines.
        // The starts follow the deadlines, as before, so a task they make is warned by the next round, never by this one.
        var programmesDue = Task.Run(() => programmes.RollOverDueAsync(today, ct), ct);
        var auditsDue = Task.Run(() => senAudits.DueAsync(today, ct), ct);
        var deadlines = DeadlinesAsync(today, ct);
        // Every part awaited, so that none's failure goes unobserved; the first is thrown.
        await Task.WhenAll(deadlines, programmesDue, auditsDue);
        await programmes.RollOverAsync(today, await programmesDue, ct);
        // A school whose last SEN audit is two years old gets one (a task for the borough's LA officer to fix it).
        await senAudits.ScheduleDueAsync(await auditsDue, ct);
        await reminders.SendAsync(today, ct);
        return await deadlines;
    }

    private async Task<SweepResult> DeadlinesAsync(DateOnly today, CancellationToken ct)
    {
        await yearGroups.MoveUpAsync(today, ct);
        return await sweeper.SweepAsync(today, ct);
    }
}
