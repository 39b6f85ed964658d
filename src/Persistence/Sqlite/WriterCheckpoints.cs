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
/// that start meanwhile read the database file), and the next commit writes the log from its start. Under full load the
/// log grows by 100 to 180 MiB a second, and it grows on while it is copied back and while the reads of the moment finish;
/// past twice the limit (<see cref="HardFrames"/>) the writer rewinds it without being asked and holds up the events until
/// it has, so the WAL file stays within about twice the limit.
/// </summary>
internal sealed class WriterCheckpoints(int limitMiB) : IDisposable
{
    /// <summary>The log's pages (frames) in a MiB: 4 KiB each.</summary>
    public const long PagesPerMiB = 256;

    /// <summary>The pages (4 KiB each) past which the log is rewound.</summary>
    public long MaxFrames { get; } = limitMiB * PagesPerMiB;

    /// <summary>How many times the writer has rewound the log.</summary>
    public int Rewinds => _rewinds;

    private const int FirstWaitMs = 3;
    private const int LongestWaitMs = 200;
    private const int PastHardLimitWaitMs = 2_000;
    private const int HardTries = 15;
    private static readonly TimeSpan CopyWait = TimeSpan.FromSeconds(10);

    // One checkpoint at a time in the process: SQLite lets a second one fail at once (SQLITE_BUSY) rather than wait for the
    // first, so the writer's rewind used to fail whenever the checkpointer was copying the log back (48 of 53 failed tries
    // in a simulated year). Now the writer waits for the copy when it must, and otherwise tries again after its next commit.
    private readonly SemaphoreSlim _checkpoint = new(1, 1);

    /// <summary>How many rewinds could not finish (a read was still in the log, or the checkpointer held the checkpoint).</summary>
    public int BusyRewinds => _busyRewinds;

    /// <summary>How many of those found the checkpointer copying the log back at the same moment (and did not wait for it).</summary>
    public int BusyWhileCheckpointing => _busyWhileCheckpointing;

    /// <summary>The longest time from a request to the log's rewind.</summary>
    public TimeSpan LongestWait => TimeSpan.FromTicks(Interlocked.Read(ref _longestWaitTicks));

    private long _requestedAt;
    private long _longestWaitTicks;
    private long _pagesAtRequest;
    private long _pagesAtRewind;
    private int _rewinds;
    private int _failedRewinds;
    private int _busyRewinds;
    private int _busyWhileCheckpointing;

    /// <summary>The most pages the log held when a rewind was asked for, and when one was done.</summary>
    public (long Requested, long Rewound) MostPages => (Interlocked.Read(ref _pagesAtRequest), Interlocked.Read(ref _pagesAtRewind));

    /// <summary>Asks the writer to rewind the log after its next commit; <paramref name="pages"/> is the log's length now.</summary>
    public void Request(long pages)
    {
        Interlocked.CompareExchange(ref _requestedAt, Stopwatch.GetTimestamp(), 0);
        Most(ref _pagesAtRequest, pages);
    }

    private static void Most(ref long most, long value)
    {
        if (value > Interlocked.Read(ref most)) Interlocked.Exchange(ref most, value);
    }

    /// <summary>How long a request has waited (the writer had nothing to commit), or null when none waits.</summary>
    public TimeSpan? Waiting => Interlocked.Read(ref _requestedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : null;

    /// <summary>The request is served (by the writer, or by the checkpointer while the writer was idle).</summary>
    public void Served()
    {
        var at = Interlocked.Exchange(ref _requestedAt, 0);
        if (at == 0) return;
        Most(ref _longestWaitTicks, Stopwatch.GetElapsedTime(at).Ticks);
    }

    /// <summary>The pages past which the writer rewinds the log without being asked, and waits for it: twice the limit.</summary>
    public long HardFrames => MaxFrames * 2;

    /// <summary>Whether the writer rewinds the log after this commit (asked to, or past twice the limit).</summary>
    public bool Due(WalLog? log) => Waiting is not null || log?.Pages > HardFrames;

    public async Task AfterCommitAsync(SqliteConnection? connection, WalLog? log)
    {
        if (connection is null || log is null) return;
        // Past twice the limit the log has outgrown the checkpointer's copy (a large database's pages are slow to copy back
        // and to sync: a simulated year of 100,000 pupils reached 416 MiB) or a long read: the writer then rewinds it
        // itself, waiting for the checkpointer's copy to end and for the reads of the moment (tried again every 2 s, for
        // up to half a minute), and holds up the events meanwhile rather than let the log grow on behind a long read.
        var hard = log.Pages > HardFrames;
        if (hard) Request(log.Pages);
        else if (Waiting is null) return;
        if (!await _checkpoint.WaitAsync(hard ? CopyWait : TimeSpan.Zero))
        {
            _busyRewinds++;
            _busyWhileCheckpointing++;
            return;
        }
        try
        {
            // Briefly at first: most reads of the moment end within a millisecond or two, and SQLite's busy handler
            // sleeps in growing steps (1, 2, 5, 10 ms...), so a long wait would hold up every event behind it. If a read
            // is still in the log, the request stays and the rewind is tried again after the next commit, waiting twice
            // as long each time (up to 200 ms): on a large school's data some reads take longer, and the log must not
            // grow without end behind them. Reads that begin during the rewind read the database file, so only those
            // already running are waited for.
            var wait = hard ? PastHardLimitWaitMs : Math.Min(FirstWaitMs << Math.Min(_failedRewinds, 9), LongestWaitMs);
            await ExecuteAsync(connection, $"PRAGMA busy_timeout={wait};");
            var tries = hard ? HardTries : 1;
            var busy = true;
            for (var i = 0; i < tries && busy; i++)
            {
                (busy, _) = await CheckpointAsync(connection, "RESTART");
                if (busy) _busyRewinds++;
            }
            if (busy)
            {
                _failedRewinds++;
                return;
            }
            _failedRewinds = 0;
            Most(ref _pagesAtRewind, log.Pages);
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
            _checkpoint.Release();
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

    /// <summary>The checkpointer's checkpoint, never at the same time as the writer's rewind.</summary>
    public async Task<(bool Busy, long Pages)> CopyBackAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await _checkpoint.WaitAsync(ct);
        try
        {
            return await CheckpointAsync(connection, mode, ct);
        }
        finally
        {
            _checkpoint.Release();
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

    public void Dispose() => _checkpoint.Dispose();

    /// <summary>Runs a statement that returns no rows (a pragma) on the checkpointer's or the writer's connection.</summary>
    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
