using SendWorkflow.Send.Migrations;

namespace SendWorkflow.Host;

/// <summary>Moving running pupils to another version: the service, its background runner, and its resumption at start-up.</summary>
public static class PupilMigrationServices
{
    /// <summary>Register after the start-up tasks: resuming a move needs the migrated database and the imported definitions.</summary>
    public static IServiceCollection AddPupilMigrations(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("Migrations");
        services.AddSingleton(new MigrationRunOptions(section.GetValue("BatchSize", 50), section.GetValue<int?>("StopAfterBatches")));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<PupilMigrations>();
        services.AddHostedService<MigrationResumer>();
        return services;
    }

    /// <summary>Moves that a stopped service left running go on once the service has started.</summary>
    private sealed class MigrationResumer(MigrationRunner runner) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => runner.ResumeAllAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
