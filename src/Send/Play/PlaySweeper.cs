using Microsoft.Extensions.Hosting;

namespace SendWorkflow.Send.Play;

/// <summary>Ends the Play sessions left unused, once a minute, so their files go even when nobody calls again.</summary>
public sealed class PlaySweeper(PlaySessions sessions) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The wall clock, not the service's (which may be a simulated one that only moves when someone moves it).
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await sessions.SweepAsync(stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await sessions.DisposeAsync();
    }
}
