using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Copies committed WAL pages back into the database file every second on a connection of its own (never at the same
/// time as the writer's rewind, and not while one is asked for: <see cref="WriterCheckpoints"/>). PASSIVE mode
/// never blocks readers or the writer; with auto-checkpoints off, commits stay short. Ten times a second it reads the
/// log's length, and past the limit it copies the log back at once and asks the writer to rewind it
/// (<see cref="WriterCheckpoints"/>); when the writer has nothing to commit, it empties the log itself (TRUNCATE). A
/// checkpoint that fails (a full or read-only disk) never stops
/// the host: the checkpointer says so once, drops its connection, waits longer each time (up to a minute) and carries
/// on by itself when the disk has room again; the WAL keeps every committed page meanwhile.
/// On the same connection, when it opens and then each hour, <c>PRAGMA optimize</c> refreshes the query planner's
/// statistics of the tables that have grown, so that SQLite picks the index that fits (a school's inbox walks its due
/// order; one class's tasks are found through its pupils) as the data grows (<see cref="SqliteStatistics"/>).
/// </summary>
internal sealed class WalCheckpointer(SqliteWorkflowWriter writer, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan IdleWriter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Look = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan OptimizeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (writer.IsInMemory) return;
        SqliteConnection? connection = null;
        var wait = Every;
        var failing = false;
        long? optimizedAt = null;
        var checkpointedAt = Stopwatch.GetTimestamp();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Real time, not the service clock: the simulated clock only moves when told.
                await Task.Delay(failing ? wait : Look, stoppingToken);
                // A look at the log's length is a read of a count its commits keep (WalLog): cheap enough ten times a second. A
                // long log is copied back at once, so that the writer's rewind has only the last moment's pages left to copy.
                // While a rewind is asked for, no copy runs: it would keep the writer's rewind from the checkpoint.
                var pages = writer.Log?.Pages ?? 0;
                var asked = writer.Checkpoints.Waiting;
                // The writer rewinds a long log between two commits; when it has had nothing to commit for a while, this
                // connection can (there is no writer to outwait).
                var idleWriter = asked > IdleWriter;
                var due = pages > writer.Checkpoints.MaxFrames || Stopwatch.GetElapsedTime(checkpointedAt) >= Every;
                if (!failing && !idleWriter && (asked is not null || !due)) continue;
                checkpointedAt = Stopwatch.GetTimestamp();
                try
                {
                    connection ??= await OpenAsync(stoppingToken);
                    var (busy, logPages) = await writer.Checkpoints.CopyBackAsync(connection, idleWriter ? "TRUNCATE" : "PASSIVE", stoppingToken);
                    if (idleWriter && !busy)
                    {
                        writer.Log?.Rewound();
                        writer.Checkpoints.Served();
                    }
                    else if (logPages > writer.Checkpoints.MaxFrames)
                    {
                        // To the disk from here, and once more for what was committed meanwhile, so that the writer's rewind,
                        // which holds up every event while it runs, has little left to copy and to sync.
                        DatabaseFileSync.TryFlush(writer.Log?.File);
                        await writer.Checkpoints.CopyBackAsync(connection, "PASSIVE", stoppingToken);
                        DatabaseFileSync.TryFlush(writer.Log?.File);
                        writer.Checkpoints.Request(writer.Log?.Pages ?? 0);
                    }
                    // Real time too (a monotonic count): statistics follow the data, not the simulated calendar.
                    if (optimizedAt is null || Stopwatch.GetElapsedTime(optimizedAt.Value) >= OptimizeEvery)
                    {
                        await WriterCheckpoints.ExecuteAsync(connection, SqliteStatistics.RefreshSql, stoppingToken);
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
            await WriterCheckpoints.CheckpointAsync(connection, "TRUNCATE");
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
}
