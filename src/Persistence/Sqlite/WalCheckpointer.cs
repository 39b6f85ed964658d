using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Copies committed WAL pages back into the database file every second on a connection of its own. PASSIVE mode
/// never blocks readers or the writer; with auto-checkpoints off, commits stay short. Under steady load readers
/// never all let go at once, so a passive checkpoint can never rewind the log: past 256 MiB a TRUNCATE
/// checkpoint waits briefly for them and empties it. A checkpoint that fails (a full or read-only disk) never stops
/// the host: the checkpointer says so once, drops its connection, waits longer each time (up to a minute) and carries
/// on by itself when the disk has room again; the WAL keeps every committed page meanwhile.
/// On the same connection, when it opens and then each hour, <c>PRAGMA optimize</c> refreshes the query planner's
/// statistics of the tables that have grown, so that SQLite picks the index that fits (a school's inbox walks its due
/// order; one class's tasks are found through its pupils) as the data grows (<see cref="SqliteStatistics"/>).
/// </summary>
internal sealed class WalCheckpointer(SqliteWorkflowWriter writer, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private const long MaxWalBytes = 256L * 1024 * 1024;
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan OptimizeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (writer.IsInMemory) return;
        var wal = writer.DataSource + "-wal";
        SqliteConnection? connection = null;
        var wait = Every;
        var failing = false;
        long? optimizedAt = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Real time, not the service clock: the simulated clock only moves when told.
                await Task.Delay(wait, stoppingToken);
                try
                {
                    connection ??= await OpenAsync(stoppingToken);
                    var large = File.Exists(wal) && new FileInfo(wal).Length > MaxWalBytes;
                    await CheckpointAsync(connection, large ? "TRUNCATE" : "PASSIVE", stoppingToken);
                    // Real time too (a monotonic count): statistics follow the data, not the simulated calendar.
                    if (optimizedAt is null || Stopwatch.GetElapsedTime(optimizedAt.Value) >= OptimizeEvery)
                    {
                        await ExecuteAsync(connection, SqliteStatistics.RefreshSql, stoppingToken);
                        optimizedAt = Stopwatch.GetTimestamp();
                    }
                    if (failing) logger.LogInformation("WAL checkpoints work again");
                    (failing, wait) = (false, Every);
                }
                catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
                {
                    if (!failing)
                    {
                        logger.LogWarning("WAL checkpoint failed, retrying with back-off: {Problem}",
                            SqliteStorageErrors.Classify(ex, writer.DataSource)?.Message ?? ex.Message);
                    }
                    failing = true;
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await FinalCheckpointAsync(connection);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(writer.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var busy = connection.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout=5000;";
            await busy.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task FinalCheckpointAsync(SqliteConnection? connection)
    {
        if (connection is null) return;
        try
        {
            await CheckpointAsync(connection, "TRUNCATE", CancellationToken.None);
        }
        catch (SqliteException ex)
        {
            logger.LogWarning("Final WAL checkpoint did not complete: {Message}", ex.Message);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private static Task CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct) =>
        ExecuteAsync(connection, $"PRAGMA wal_checkpoint({mode});", ct);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
