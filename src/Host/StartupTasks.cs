using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Definitions;
using SendWorkflow.Send.Demo;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Host;

/// <summary>
/// At start-up, once <see cref="DatabaseStartupGate"/> has migrated the database: load term calendars, import definitions,
/// seed the demo.
/// </summary>
internal sealed class StartupTasks(
    SendWorkflowPaths paths, CalendarRegistry calendars,
    DefinitionService definitions, SendWorkflow.Send.Statutory.BoroughTimelines timelines, DemoSeeder demo, Security.StaffAccounts staff,
    IConfiguration config, TimeProvider time,
    Workflows.Timers.TimerDispatcher dispatcher, SendWorkflow.Send.Clock.StoredClock clock, DatabaseStartupGate gate,
    Persistence.DatabaseSettings database, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await PrepareAsync(ct);
        }
        finally
        {
            await gate.ReleaseAsync();
        }
        logger.LogInformation("SendWorkflow is ready");
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        if (database.Provider == Persistence.DatabaseProvider.Sqlite)
        {
            if (Persistence.Sqlite.SqliteProcess.MemoryStatisticsOff) logger.LogInformation("SQLite keeps no memory statistics (one mutex fewer)");
            else logger.LogWarning("SQLite keeps memory statistics: a connection opened before the service configured SQLite");
            if (Persistence.Sqlite.SqliteProcess.WalFramesBuffered) logger.LogInformation("SQLite writes each commit's log frames at once");
            else logger.LogWarning("SQLite writes the log two calls a page: its file system could not be registered");
        }
        await clock.RestoreAsync(ct);
        await staff.EnsureRolesAsync();
        calendars.LoadFolder(paths.Calendars);
        await timelines.LoadAsync(ct);
        await definitions.ImportFolderAsync(paths.Workflows, ct);
        if (config.GetValue("Demo:Enabled", true))
        {
            if (await demo.SeedIfEmptyAsync(config.GetValue("Demo:Seed", 2026), ct)) await staff.SeedDemoStaffAsync();
        }
        await timelines.ImportFolderAsync(paths.Boroughs, ct);
        if (time is SendWorkflow.Send.Clock.SimulatedTimeProvider)
        {
            // Without Quartz the simulated clock has no dispatcher of its own: what fell due before start fires now.
            var recovered = await dispatcher.FireDueAsync(time.GetUtcNow(), TimerDispatchOptions.CatchUp, ct);
            if (recovered.Fired + recovered.Cancelled > 0)
                logger.LogInformation("Fired {Fired} timers that fell due while the service was down", recovered.Fired);
            await clock.SaveAsync(ct);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
