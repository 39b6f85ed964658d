using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;
using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The runtime's single writer. SQLite has one writer at a time, so events queue here in-process (far cheaper than
/// colliding on the file lock, where SQLite's busy handler sleeps in milliseconds) and write on one connection
/// whose statements are prepared once (<see cref="PreparedStatement"/>). The statements' columns and value conversions
/// come from the EF Core model (<see cref="TableStatements{T}"/>), so the rest of the service reads what it wrote through
/// EF as usual.
/// </summary>
/// <param name="walLimitMiB">The length past which the WAL is rewound (<see cref="WriterCheckpoints"/>).</param>
public sealed partial class SqliteWorkflowWriter(string connectionString, IModel model, int walLimitMiB = DatabaseSettings.DefaultWalLimitMiB)
    : IChangeSetWriter, IAsyncDisposable
{
    private readonly ChangeSetStatements _statements = new(model, chainJournal: true);

    /// <summary>The EF Core model the statements were made from.</summary>
    internal IModel Model { get; } = model;

    /// <summary>The WAL's rewinds, which the checkpointer asks of the writer (<see cref="WriterCheckpoints"/>).</summary>
    internal WriterCheckpoints Checkpoints { get; } = new(walLimitMiB);

    /// <summary>The instances' state held between units of work, which the writer keeps true after each commit.</summary>
    internal InstanceStateCache States { get; } = new();

    /// <summary>The subjects' placements held between units (<see cref="SubjectPlacementCache"/>), beside <see cref="States"/>.</summary>
    internal SubjectPlacementCache Subjects { get; } = new();

    private const int MaxBatch = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly System.Threading.Channels.Channel<Pending> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private Task? _loop;
    private SqliteConnection? _connection;

    public string ConnectionString { get; } = connectionString;
    public bool IsInMemory => ConnectionString.Contains(":memory:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The database file (for messages to an operator).</summary>
    public string DataSource => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>
    /// The length of the database's log, as its commits tell it, once the writer's connection is open (none for a database
    /// in memory). Keyed by the file's name as SQLite resolved it, which is the one the other connections' commits use.
    /// </summary>
    internal WalLog? Log { get; private set; }

    /// <summary>
    /// The writer's page cache: 4 MB (1,000 pages), a quarter of the other connections'. When a commit's inserts split a
    /// page, SQLite renumbers a new page through a page number past 1 GiB for a moment (<c>balance_nonroot</c>), and the
    /// commit then walks the cache's whole hash table to drop pages past the end of the file: every commit, at a cost that
    /// grows with the cache (4,096 slots and 3,870 pages at 16 MB, a tenth of a millisecond and more). With 4 MB the bench
    /// ran 1,726 events a second against 1,607 (three alternated pairs, 1 December 2026), the hot pages still held.
    /// </summary>
    private const string WriterCache = "PRAGMA cache_size=-4000;";
    private readonly Dictionary<string, PreparedStatement> _prepared = new(StringComparer.Ordinal);

    private long _busy;
    // When the writer's present stretch of work began, or was last counted into its busy time; 0 while it waits for work.
    private long _busySince;

    // Every statement the writer runs, while set (simulate --record); null in a service.
    private WriterRecording? _recording;

    /// <summary>Where the writer's time goes, statement by statement, while set (the bench's <c>--profile</c>); null in a service.</summary>
    public WriterProfile? Profile { get; set; }

    /// <summary>
    /// How long the writer has spent on its batches (writing, committing, rewinding the log) since it started: beside the
    /// wall time, how near the single writer is to being the bound (the bench prints it).
    /// </summary>
    public TimeSpan Busy
    {
        get
        {
            // With the stretch in hand counted up to now, so that a part of the day that ends or begins in the middle of one
            // is given its own share of it.
            var since = Volatile.Read(ref _busySince);
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            var busy = Interlocked.Read(ref _busy) + (since == 0 ? 0 : Math.Max(0, now - since));
            return System.Diagnostics.Stopwatch.GetElapsedTime(0, busy);
        }
    }

    // The rows the change set being applied has written so far (WriteStraight).
    private int _rowsWritten;

    /// <summary>An audit entry on its own (a look at a record), committed with whatever else is queued meanwhile.</summary>
    public Task WriteAsync(AuditEntryRecord entry, CancellationToken ct)
    {
        var changes = new WorkflowChangeSet();
        changes.Audit.Add(entry);
        return WriteAsync(changes, ct);
    }

    Task IChangeSetWriter.WriteAsync(WorkflowChangeSet changes, CancellationToken ct) => WriteAsync(changes, ct);

    private Task WriteAsync(WorkflowChangeSet changes, CancellationToken ct)
    {
        if (changes.IsEmpty) return Task.CompletedTask;
        EnsureRunning();
        // The statements and their values are worked out here, on the caller's thread, not by the single writer.
        var pending = new Pending(changes, _statements.Encode(changes));
        changes.Times?.Queued = System.Diagnostics.Stopwatch.GetTimestamp();
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Done.Task;
    }

    private void EnsureRunning()
    {
        if (_loop is not null) return;
        lock (_queue)
        {
            _loop ??= Task.Factory.StartNew(LoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
    }

    // Group commit: every change set queued while the previous commit ran is written in the next transaction,
    // each inside its own savepoint so that a conflict undoes only its own event. A caller hears of success only
    // after the commit.
    private async Task LoopAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            // A piece of work that runs alone (a bulk completion) ends the batch: it is written after the change sets queued
            // before it, and before those queued after it.
            Pending? alone = null;
            while (batch.Count < MaxBatch && alone is null && _queue.Reader.TryRead(out var next))
            {
                if (next.Alone is null) batch.Add(next);
                else alone = next;
            }
            await _gate.WaitAsync();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Volatile.Write(ref _busySince, started);
            foreach (var p in batch) p.Changes.Times?.Batched = started;
            try
            {
                if (batch.Count > 0)
                {
                    await WriteBatchAsync(batch);
                    await RewindIfDueAsync();
                }
                if (alone is not null) await RunAloneAsync(alone);
            }
            finally
            {
                CountBusy();
                Volatile.Write(ref _busySince, 0);
                _gate.Release();
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var outcomes = new Exception?[batch.Count];
        try
        {
            await ConnectionAsync(CancellationToken.None);
            // The transaction and its savepoints are prepared statements too: through ADO.NET each was parsed again every
            // time. A failure below drops the connection (ResetAsync), which rolls back whatever was begun.
            if (!WriteStraight(batch, outcomes)) WriteInSavepoints(batch, outcomes);
        }
        catch (Exception ex)
        {
            // Nothing of this batch was written, and it is not retried behind its callers' backs: each hears why (a full or
            // read-only disk as StorageUnavailableException, so the API answers 503). The connection is not reused: the
            // next batch opens a fresh one, so the writer works again as soon as space or write access returns.
            await ResetAsync();
            States.Clear();
            ForgetChains();
            var failure = SqliteStorageErrors.Classify(ex, DataSource) ?? ex;
            foreach (var p in batch) p.Done.TrySetException(failure);
            return;
        }
        var committed = System.Diagnostics.Stopwatch.GetTimestamp();
        // Before any caller hears: a unit retried after a conflict, or the caller's next event, sees the commit.
        States.Committed(batch.Where((_, i) => outcomes[i] is null).Select(p => p.Changes),
            batch.Where((_, i) => outcomes[i] is not null).Select(p => p.Changes));
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Changes.Times?.Committed = committed;
            if (outcomes[i] is { } conflict) batch[i].Done.TrySetException(conflict);
            else batch[i].Done.TrySetResult();
        }
    }

    /// <summary>
    /// The batch in one transaction with no savepoints, as nearly every batch can be written: a savepoint makes SQLite
    /// keep a copy of every page the change set then touches, a tenth of the writer's time. A change set refused before
    /// it wrote a row (a stale instance, found by the first statement) leaves nothing to undo. One refused after it wrote
    /// some (a stale task, a second start refused by the unique index) would leave those rows in the transaction: then it
    /// is rolled back whole, and the batch is written again with savepoints. False then.
    /// </summary>
    private bool WriteStraight(List<Pending> batch, Exception?[] outcomes)
    {
        Execute("BEGIN IMMEDIATE");
        StartChains();
        for (var i = 0; i < batch.Count; i++)
        {
            _rowsWritten = 0;
            outcomes[i] = Apply(batch[i]);
            if (outcomes[i] is not null && _rowsWritten > 0)
            {
                Execute("ROLLBACK");
                return false;
            }
        }
        Commit(batch.Count);
        EndChains();
        return true;
    }

    // Each change set inside its own savepoint, so that a refusal undoes only its own rows.
    private void WriteInSavepoints(List<Pending> batch, Exception?[] outcomes)
    {
        Execute("BEGIN IMMEDIATE");
        StartChains();
        for (var i = 0; i < batch.Count; i++)
        {
            Execute("SAVEPOINT changeset");
            outcomes[i] = Apply(batch[i]);
            if (outcomes[i] is not null) Execute("ROLLBACK TO changeset");
            Execute("RELEASE changeset");
        }
        Commit(batch.Count);
        EndChains();
    }

    // The instances' newest journal entries as committed (JournalChain), so that a change set need not read them: those of
    // the batch being written apart until it commits. Emptied when a batch fails, and when the journal's highest number is
    // not the one the writer left (a row inserted by anyone else, whose trigger moved its instance's newest on).
    private readonly Dictionary<Guid, long> _heads = [];
    private readonly Dictionary<Guid, long> _batchHeads = [];
    private long _journalHighest = -1;
    private const int MaxHeads = 1_000_000;
    private const string HighestJournalId = "SELECT coalesce(max(\"Id\"), 0) FROM \"Journal\"";

    // Inside the batch's transaction, which holds the write lock: no other connection can insert until it ends.
    private void StartChains()
    {
        _batchHeads.Clear();
        var highest = ReadNumber(HighestJournalId, null);
        if (highest == _journalHighest) return;
        _heads.Clear();
        _journalHighest = highest;
    }

    private void EndChains()
    {
        if (_heads.Count + _batchHeads.Count > MaxHeads) _heads.Clear();
        foreach (var (instance, head) in _batchHeads)
        {
            _heads[instance] = head;
            _journalHighest = Math.Max(_journalHighest, head);
        }
        _batchHeads.Clear();
    }

    private void ForgetChains()
    {
        _heads.Clear();
        _batchHeads.Clear();
        _journalHighest = -1;
    }

    // One statement at a time, stopping at the first guarded update that finds its row changed: why the change set is
    // refused (nothing of it may then be committed), or null.
    private Exception? Apply(Pending pending)
    {
        try
        {
            // Each instance's newest journal entry as this change set has written it (JournalChain).
            Dictionary<Guid, long>? heads = null;
            foreach (var statement in pending.Statements)
            {
                if (statement.ChainOf is { } instance)
                {
                    heads ??= [];
                    statement.Values[^1] = heads.TryGetValue(instance, out var before) || _batchHeads.TryGetValue(instance, out before)
                        || _heads.TryGetValue(instance, out before) ? before : ReadNumber(JournalChain.ReadHead, instance);
                    Run(statement);
                    heads[instance] = raw.sqlite3_last_insert_rowid(_connection!.Handle);
                    continue;
                }
                if (Run(statement) == 0 && statement.IfNoRow is { } refusal) return refusal();
            }
            foreach (var (instance, head) in heads ?? [])
            {
                Run(new ChangeSetStatements.EncodedStatement(JournalChain.SetHead, [head, PreparedStatement.Encode(instance)], null));
                _batchHeads[instance] = head;
            }
            return null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // A constraint refused this change set alone (SQLite undid the statement; the others in the batch stand).
            return ChangeSetStatements.Refusal(pending.Changes, ex, ex.Message.Contains("Instances.SubjectId", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Rewinds the WAL now if it is past its limit. For a large change made outside the writer in several transactions
    /// (the simulation ticking off a day's tasks in bulk): a transaction is written to the log whole, and with no
    /// commit of the writer in between to rewind after, the log would grow by each of them. The rewind runs on the
    /// writer's connection between its commits, as after one. If reads (or the checkpointer's copy) keep it from
    /// finishing, it is tried a few times more, waiting longer each time (the caller can wait: it is between two large
    /// transactions), and then again after the writer's next commit.
    /// </summary>
    public async Task RewindIfLongAsync(CancellationToken ct)
    {
        if (Log is not { } log || log.Pages <= Checkpoints.MaxFrames) return;
        await _gate.WaitAsync(ct);
        try
        {
            Checkpoints.Request(log.Pages);
            var connection = await ConnectionAsync(ct);
            for (var attempt = 0; attempt < 6 && Checkpoints.Waiting is not null; attempt++) await Checkpoints.AfterCommitAsync(connection, log);
        }
        finally
        {
            _gate.Release();
        }
    }

    // The time since the stretch began, or was last counted, into the writer's busy time: at the end of a batch, and after
    // each transaction of a bulk completion, so that a part of the day sees the writer's time as it goes.
    private void CountBusy()
    {
        // The stretch moves on before the time is added: a look at Busy in between counts a moment too little, never twice.
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var since = Interlocked.Exchange(ref _busySince, now);
        Interlocked.Add(ref _busy, now - since);
    }

    // After a commit: the log rewound, if the checkpointer asked or it is past twice its limit.
    private async Task RewindIfDueAsync()
    {
        var profile = Checkpoints.Due(Log) ? Profile : null;
        var rewinding = profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        await Checkpoints.AfterCommitAsync(_connection, Log);
        profile?.Rewind(rewinding);
    }

    private sealed class Pending(WorkflowChangeSet changes, ChangeSetStatements.EncodedStatement[] statements)
    {
        public WorkflowChangeSet Changes { get; } = changes;
        public ChangeSetStatements.EncodedStatement[] Statements { get; } = statements;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Work the writer runs alone, on its connection, in its own transactions (no change set beside it).</summary>
        public Func<Task>? Alone { get; init; }
    }

    private async Task<SqliteConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is not null) return _connection;
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = SqlitePragmaInterceptor.Pragmas + WriterCache;
            await pragma.ExecuteNonQueryAsync(ct);
        }
        // Without triggers: the only one chains the journal's rows from other writers (JournalChain), which this one chains
        // itself; checking it cost each journal row a quarter of a microsecond.
        var rc = raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, out var enabled);
        if (rc != raw.SQLITE_OK || enabled != 0) throw new InvalidOperationException($"SQLite would not turn triggers off for the writer ({rc}).");
        Log = WalLog.Watch(connection);
        _connection = connection;
        return connection;
    }

    // Inside the batch's transaction, which the connection holds: SQLite's statements need no ADO.NET transaction object.
    private int Run(ChangeSetStatements.EncodedStatement statement)
    {
        var prepared = Prepared(statement.Sql);
        _recording?.Statement(statement.Sql, statement.Values);
        for (var i = 0; i < statement.Values.Length; i++) prepared.BindEncoded(i + 1, statement.Values[i]);
        var profile = Profile;
        var started = profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = prepared.Execute();
        profile?.Statement(statement.Sql, started);
        _rowsWritten += rows;
        return rows;
    }

    // The number a one-value query reads (an instance's newest journal entry, by its id; the journal's highest), 0 for none.
    private long ReadNumber(string sql, Guid? key)
    {
        var read = Prepared(sql);
        var profile = Profile;
        var started = profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        if (key is { } id) read.BindEncoded(1, PreparedStatement.Encode(id));
        try
        {
            return read.Next() && !read.IsNull(0) ? (long)read.Value(0, typeof(long))! : 0;
        }
        finally
        {
            read.Reset();
            profile?.Statement(sql, started);
        }
    }

    private void Execute(string sql)
    {
        var profile = Profile;
        var started = profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        _recording?.Statement(sql, []);
        Prepared(sql).Execute();
        profile?.Statement(sql, started);
    }

    // With the profile on, also the pages the commit wrote to the log (its length before and after, as SQLite tells it).
    private void Commit(int changeSets)
    {
        _recording?.Statement("COMMIT", []);
        if (Profile is not { } profile)
        {
            Prepared("COMMIT").Execute();
            return;
        }
        var before = Log?.Pages ?? 0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Prepared("COMMIT").Execute();
        // A log shorter after than before was started again by this commit (rewound, or emptied when its last connection closed).
        var after = Log?.Pages ?? 0;
        profile.Commit(started, changeSets, after >= before ? after - before : after);
    }

    private PreparedStatement Prepared(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var prepared))
        {
            prepared = new PreparedStatement(_connection!, sql);
            _prepared[sql] = prepared;
        }
        return prepared;
    }

    /// <summary>
    /// Copies the database as it is now into <paramref name="folder"/> and records every statement the writer runs from here
    /// on, with its values, until <see cref="StopRecordingAsync"/> (<see cref="WriterRecording"/>; <c>simulate --record</c>).
    /// </summary>
    public Task StartRecordingAsync(string folder, CancellationToken ct) => InTurnAsync(async () =>
    {
        if (_recording is not null) throw new InvalidOperationException("The writer is recording already.");
        _recording = await WriterRecording.StartAsync(await ConnectionAsync(ct), folder);
        return true;
    }, ct);

    /// <summary>Ends the recording <see cref="StartRecordingAsync"/> began; returns the statements it holds.</summary>
    public Task<long> StopRecordingAsync() => InTurnAsync(() =>
    {
        var statements = _recording?.Statements ?? 0;
        _recording?.Dispose();
        _recording = null;
        return Task.FromResult(statements);
    }, CancellationToken.None);

    /// <summary>
    /// Runs a recording's statements (<see cref="StartRecordingAsync"/>) on this writer's database, which must be the copy
    /// the recording began with, in order, in the writer's turn, as the writer ran them: the log rewound after each commit
    /// as after a batch (the checkpointer copying it back meanwhile), and a statement a constraint refused refused again.
    /// Nothing else writes meanwhile; what the year's writes cost SQLite alone. Returns the statements run.
    /// </summary>
    public Task<long> ReplayAsync(string folder, CancellationToken ct) => InTurnAsync(async () =>
    {
        await ConnectionAsync(ct);
        long count = 0;
        foreach (var (sql, values) in WriterRecording.Read(folder))
        {
            count++;
            if (sql == "COMMIT")
            {
                Commit(0);
                await RewindIfDueAsync();
                continue;
            }
            var prepared = Prepared(sql);
            for (var i = 0; i < values.Length; i++) prepared.BindEncoded(i + 1, values[i]);
            var profile = Profile;
            var started = profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                while (prepared.Next())
                {
                    // A bulk completion's RETURNING rows: the instances they name come as statements of their own.
                }
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                // Refused by a constraint, as when it was recorded: the statements that followed are recorded too.
            }
            finally
            {
                prepared.Reset();
            }
            profile?.Statement(sql, started);
        }
        return count;
    }, ct);

    // Work on the writer's connection in its turn, between two of its batches.
    private async Task<T> InTurnAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ResetAsync()
    {
        try
        {
            foreach (var p in _prepared.Values) p.Dispose();
            if (_connection is not null) await _connection.DisposeAsync();
        }
        catch (SqliteException)
        {
            // Closing a connection whose disk failed can fail too; it is dropped either way.
        }
        finally
        {
            _prepared.Clear();
            _connection = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop;
        await _gate.WaitAsync();
        try
        {
            await ResetAsync();
            _recording?.Dispose();
            _recording = null;
        }
        finally
        {
            _gate.Release();
        }
        Checkpoints.Dispose();
    }
}
