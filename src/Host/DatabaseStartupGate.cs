using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace SendWorkflow.Host;

/// <summary>
/// The first hosted service, before anything touches the database (Quartz's store, Data Protection's key ring, the
/// start-up tasks): migrates it. On PostgreSQL it first waits until the server answers (saying why not, and trying again
/// with a growing pause, rather than stopping the host and being restarted in a loop), then takes an advisory lock that
/// <see cref="StartupTasks"/> releases when it is done, so that hosts started together migrate, create Quartz's tables,
/// import the definitions and seed the demo one after another.
/// </summary>
internal sealed class DatabaseStartupGate(
    DatabaseSettings settings, IServiceProvider services, IDbContextFactory<SendWorkflowDbContext> factory, ILogger<DatabaseStartupGate> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>The advisory lock's key: any number the service's own database uses for nothing else.</summary>
    private const long StartupLockKey = 0x53454E44; // "SEND"

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private NpgsqlConnection? _held;

    public async Task StartAsync(CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Postgres) await WaitAndLockAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // Made first: on an empty PostgreSQL database EF reads the migrations' history before creating it and logs the
        // failed read as an error, the first thing an operator would see of a first start.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        await db.Database.MigrateAsync(ct);
    }

    private async Task WaitAndLockAsync(CancellationToken ct)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await dataSource.OpenConnectionAsync(ct);
                await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection))
                {
                    await command.ExecuteNonQueryAsync(ct);
                }
                _held = connection;
                if (attempt > 1) logger.LogInformation("Reached {Database} after {Attempts} attempts", settings.Describe(), attempt);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Cannot reach {Database}: {Reason}. Trying again in {Seconds} s; the service starts once it answers",
                    settings.Describe(), ex.Message, pause.TotalSeconds);
                await Task.Delay(pause, ct);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }

    /// <summary>Lets the next host start (called by <see cref="StartupTasks"/> when the database is ready).</summary>
    public async Task ReleaseAsync()
    {
        if (_held is null) return;
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", _held);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _held.DisposeAsync();
            _held = null;
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public async ValueTask DisposeAsync() => await ReleaseAsync();
}
