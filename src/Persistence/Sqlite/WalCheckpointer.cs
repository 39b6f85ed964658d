using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Copies committed WAL pages back into the database file every second on a connection of its own. PASSIVE mode
/// never blocks readers or the writer; with auto-checkpoints off, commits stay short. Under steady load readers
/// never all let go at once, so a passive checkpoint can never rewind the log: past 256 MiB a TRUNCATE
/// checkpoint waits briefly for them and empties it.
/// </summary>
internal sealed class WalCheckpointer(SqliteWorkflowWriter writer, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private const long MaxWalBytes = 256L * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (writer.IsInMemory) return;
        await using var connection = new SqliteConnection(writer.ConnectionString);
        try
        {
            await connection.OpenAsync(stoppingToken);
            await using (var busy = connection.CreateCommand())
            {
                busy.CommandText = "PRAGMA busy_timeout=5000;";
                await busy.ExecuteNonQueryAsync(stoppingToken);
            }
            var wal = new SqliteConnectionStringBuilder(writer.ConnectionString).DataSource + "-wal";
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var large = File.Exists(wal) && new FileInfo(wal).Length > MaxWalBytes;
                await CheckpointAsync(connection, large ? "TRUNCATE" : "PASSIVE", stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            try
            {
                await CheckpointAsync(connection, "TRUNCATE", CancellationToken.None);
            }
            catch (SqliteException ex)
            {
                logger.LogWarning("Final WAL checkpoint did not complete: {Message}", ex.Message);
            }
        }
    }

    private static async Task CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        if (connection.State != System.Data.ConnectionState.Open) return;
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await command.ExecuteNonQueryAsync(ct);
    }
}
