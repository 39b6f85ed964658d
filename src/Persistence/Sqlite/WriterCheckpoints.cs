using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Rewinding the WAL, which only the writer can do under load. The background checkpointer copies the log back into the
/// database file (PASSIVE: it waits for no one), but the log is only written from its start again when a commit begins
/// with every page copied back and no reader in the log, which under steady reads never happens: every commit appended,
/// and the log grew by gigabytes over a simulated year. A TRUNCATE from the checkpointer's own connection had to win the
/// write lock from the writer and outwait the readers; it mostly gave up, and each try held up the writer's next commit. So
/// when the checkpointer finds the log past <see cref="MaxFrames"/> pages (<c>Database__WalLimitMiB</c>,
/// <see cref="DatabaseSettings.DefaultWalLimitMiB"/> MiB unless set), it copies it back and asks, and the writer runs a
/// RESTART checkpoint between two commits: no writer to wait for, only the reads of the moment (a few milliseconds; reads
/// that start meanwhile read the database file), and the next commit writes the log from its start. The WAL file stays
/// within about twice the limit: it grows on while it is copied back and while the reads of the moment finish.
/// </summary>
internal sealed class WriterCheckpoints(int limitMiB)
{
    /// <summary>The pages (4 KiB each) past which the log is rewound.</summary>
    public long MaxFrames { get; } = limitMiB * 256L;

    /// <summary>How many times the writer has rewound the log.</summary>
    public int Rewinds => _rewinds;

    private const int FirstWaitMs = 3;
    private const int LongestWaitMs = 200;
    private const int FarPastLimitWaitMs = 1_000;
    private long _requestedAt;
    private int _rewinds;
    private int _failedRewinds;

    /// <summary>Asks the writer to rewind the log after its next commit.</summary>
    public void Request() => Interlocked.CompareExchange(ref _requestedAt, Stopwatch.GetTimestamp(), 0);

    /// <summary>How long a request has waited (the writer had nothing to commit), or null when none waits.</summary>
    public TimeSpan? Waiting => Interlocked.Read(ref _requestedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : null;

    /// <summary>The request is served (by the writer, or by the checkpointer while the writer was idle).</summary>
    public void Served() => Interlocked.Exchange(ref _requestedAt, 0);

    public async Task AfterCommitAsync(SqliteConnection? connection, WalLog? log)
    {
        if (connection is null || log is null || Waiting is null) return;
        try
        {
            // Briefly at first: most reads of the moment end within a millisecond or two, and SQLite's busy handler
            // sleeps in growing steps (1, 2, 5, 10 ms...), so a long wait would hold up every event behind it. If a read
            // is still in the log, the request stays and the rewind is tried again after the next commit, waiting twice
            // as long each time (up to 200 ms): on a large school's data some reads take longer, and the log must not
            // grow without end behind them. Reads that begin during the rewind read the database file, so only those
            // already running are waited for.
            // Far past the limit (half as much again), long reads have kept it from finishing several times: it then waits
            // up to a second, holding up the events for that long rather than letting the log grow on.
            var longest = log.Pages > MaxFrames * 3 / 2 ? FarPastLimitWaitMs : LongestWaitMs;
            await ExecuteAsync(connection, $"PRAGMA busy_timeout={Math.Min(FirstWaitMs << Math.Min(_failedRewinds, 9), longest)};");
            var (busy, _) = await CheckpointAsync(connection, "RESTART");
            if (busy)
            {
                _failedRewinds++;
                return;
            }
            _failedRewinds = 0;
            log.Rewound();
            Interlocked.Increment(ref _rewinds);
            Served();
        }
        catch (SqliteException)
        {
            // A full or read-only disk: the checkpointer says so and asks again; the next commit tells its caller.
        }
        finally
        {
            try
            {
                await ExecuteAsync(connection, $"PRAGMA busy_timeout={SqlitePragmaInterceptor.BusyTimeoutMs};");
            }
            catch (SqliteException)
            {
                // The connection has failed: the writer's next commit fails too and opens a fresh one, with the usual settings.
            }
        }
    }

    /// <summary>Runs a checkpoint; returns whether readers or a writer kept it from finishing, and the pages in the log.</summary>
    public static async Task<(bool Busy, long Pages)> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        // busy (1 when it could not finish), log (pages in the WAL), checkpointed (pages copied back)
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0) != 0, reader.GetInt64(1)) : (false, 0);
    }

    /// <summary>Runs a statement that returns no rows (a pragma) on the checkpointer's or the writer's connection.</summary>
    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
