using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Send.Clock;

/// <summary>
/// The 07:00 round of each UK day, on the real clock (a Quartz job) and the simulated one alike: the warnings and
/// escalations of the tasks due, then the school year's programmes (started on the first day of a year for the schools
/// that ran them the year before; a day missed is caught up by the next).
/// </summary>
public sealed class DailyRound(DeadlineSweeper sweeper, Programmes.Programmes programmes)
{
    public async Task<SweepResult> RunAsync(DateOnly today, CancellationToken ct)
    {
        var result = await sweeper.SweepAsync(today, ct);
        await programmes.RollOverAsync(today, ct);
        return result;
    }
}
