using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Calendars;
using SendWorkflow.Host.Definitions;
using SendWorkflow.Host.Demo;
using SendWorkflow.Host.Persistence;

namespace SendWorkflow.Host;

/// <summary>At start-up: migrate the database, load term calendars, import definitions, seed the demo.</summary>
internal sealed class StartupTasks(
    IDbContextFactory<SendWorkflowDbContext> factory, SendWorkflowPaths paths, CalendarRegistry calendars,
    DefinitionService definitions, DemoSeeder demo, IConfiguration config, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.MigrateAsync(ct);
        }
        calendars.LoadFolder(paths.Calendars);
        await definitions.ImportFolderAsync(paths.Workflows, ct);
        if (config.GetValue("Demo:Enabled", true))
        {
            await demo.SeedIfEmptyAsync(config.GetValue("Demo:Seed", 2026), ct);
        }
        logger.LogInformation("SendWorkflow is ready");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
