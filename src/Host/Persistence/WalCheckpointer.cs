using Microsoft.Data.Sqlite;

namespace SendWorkflow.Host.Persistence;

/// <summary>
/// Copies committed WAL pages back into the database file every second on a connection of its own. PASSIVE mode
/// never blocks readers or the writer; with auto-checkpoints off, commits stay short.
/// </summary>
internal sealed class WalCheckpointer(SqliteWorkflowWriter writer, ILogger<WalCheckpointer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (writer.IsInMemory) return;
        await using var connection = new SqliteConnection(writer.ConnectionString);
        try
        {
            await connection.OpenAsync(stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(connection, "PASSIVE", stoppingToken);
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
