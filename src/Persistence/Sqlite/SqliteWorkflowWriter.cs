using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The runtime's single writer. SQLite has one writer at a time, so events queue here in-process (far cheaper than
/// colliding on the file lock, where SQLite's busy handler sleeps in milliseconds) and write on one connection
/// whose statements are prepared once. The statements' columns and value conversions come from the EF Core model
/// (<see cref="TableStatements{T}"/>), so the rest of the service reads what it wrote through EF as usual.
/// </summary>
public sealed class SqliteWorkflowWriter(string connectionString, IModel model) : IAuditWriter, IAsyncDisposable
{
    private readonly TableStatements<AuditEntryRecord> _audit = new(model);
    private readonly TableStatements<WorkflowInstance> _instances = new(model, nameof(WorkflowInstance.ConcurrencyStamp));
    private readonly TableStatements<WorkTask> _tasks = new(model, nameof(WorkTask.Revision));
    private readonly TableStatements<WorkflowTimer> _timers = new(model, nameof(WorkflowTimer.Status));
    private readonly TableStatements<JournalEntry> _journal = new(model);
    private readonly TableStatements<Milestone> _milestones = new(model);
    private readonly TableStatements<ParentLinkRecord> _links = new(model, nameof(ParentLinkRecord.Revision));

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
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>An audit entry on its own (a look at a record), committed with whatever else is queued meanwhile.</summary>
    public Task WriteAsync(AuditEntryRecord entry, CancellationToken ct)
    {
        var changes = new WorkflowChangeSet();
        changes.Audit.Add(entry);
        return WriteAsync(changes, ct);
    }

    internal Task WriteAsync(WorkflowChangeSet changes, CancellationToken ct)
    {
        if (changes.IsEmpty) return Task.CompletedTask;
        EnsureRunning();
        var pending = new Pending(changes);
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
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            await _gate.WaitAsync();
            try
            {
                await WriteBatchAsync(batch);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var outcomes = new Exception?[batch.Count];
        try
        {
            var connection = await ConnectionAsync(CancellationToken.None);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                tx.Save("changeset");
                try
                {
                    outcomes[i] = Apply(batch[i].Changes, tx);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
                {
                    // A constraint refused this change set alone; the others in the batch are unaffected.
                    outcomes[i] = Refusal(batch[i].Changes, ex);
                }
                if (outcomes[i] is not null) tx.Rollback("changeset");
                tx.Release("changeset");
            }
            await tx.CommitAsync();
        }
        catch (Exception ex)
        {
            // Nothing of this batch was written, and it is not retried behind its callers' backs: each hears why (a full or
            // read-only disk as StorageUnavailableException, so the API answers 503). The connection is not reused: the
            // next batch opens a fresh one, so the writer works again as soon as space or write access returns.
            await ResetAsync();
            var failure = SqliteStorageErrors.Classify(ex, DataSource) ?? ex;
            foreach (var p in batch) p.Done.TrySetException(failure);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } conflict) batch[i].Done.TrySetException(conflict);
            else batch[i].Done.TrySetResult();
        }
    }

    private static Exception Refusal(WorkflowChangeSet changes, SqliteException ex) =>
        ex.Message.Contains("Instances.SubjectId", StringComparison.Ordinal) && changes.NewInstances.FirstOrDefault() is { } started
            ? new AlreadyRunningException(started.SubjectId, started.DefinitionId, Guid.Empty)
            : new InvalidOperationException($"The database refused the change: {ex.Message}", ex);

    private Exception? Apply(WorkflowChangeSet changes, SqliteTransaction tx)
    {
        // First: a link spent meanwhile refuses the change set for good, where a stale instance or task is retried.
        foreach (var (link, readRevision) in changes.SpentLinks)
        {
            if (Run(_links.UpdateSql, tx, c => _links.BindUpdate(c, link, readRevision)) == 0) return new ParentLinkSpentException(link.Id);
        }
        foreach (var (instance, readStamp) in changes.ChangedInstances)
        {
            if (Run(_instances.UpdateSql, tx, c => _instances.BindUpdate(c, instance, readStamp)) == 0)
                return new ConcurrencyConflictException(instance.Id);
        }
        foreach (var i in changes.NewInstances) Run(_instances.InsertSql, tx, c => _instances.BindInsert(c, i));
        foreach (var (task, readRevision) in changes.ChangedTasks)
        {
            if (Run(_tasks.UpdateSql, tx, c => _tasks.BindUpdate(c, task, readRevision)) == 0)
                return new ConcurrencyConflictException(task.InstanceId);
        }
        foreach (var t in changes.NewTasks) Run(_tasks.InsertSql, tx, c => _tasks.BindInsert(c, t));
        foreach (var (timer, readStatus) in changes.ChangedTimers)
        {
            if (Run(_timers.UpdateSql, tx, c => _timers.BindUpdate(c, timer, readStatus)) == 0)
                return new ConcurrencyConflictException(timer.InstanceId);
        }
        foreach (var t in changes.NewTimers) Run(_timers.InsertSql, tx, c => _timers.BindInsert(c, t));
        foreach (var j in changes.Journal) Run(_journal.InsertSql, tx, c => _journal.BindInsert(c, j));
        foreach (var m in changes.Milestones) Run(_milestones.InsertSql, tx, c => _milestones.BindInsert(c, m));
        foreach (var a in changes.Audit) Run(_audit.InsertSql, tx, c => _audit.BindInsert(c, a));
        return null;
    }

    private sealed class Pending(WorkflowChangeSet changes)
    {
        public WorkflowChangeSet Changes { get; } = changes;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task<SqliteConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is not null) return _connection;
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = SqlitePragmaInterceptor.Pragmas;
            await pragma.ExecuteNonQueryAsync(ct);
        }
        _connection = connection;
        return connection;
    }

    private int Run(string sql, SqliteTransaction tx, Action<SqliteCommand> bind)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = tx;
        bind(command);
        return command.ExecuteNonQuery();
    }

    private async Task ResetAsync()
    {
        try
        {
            foreach (var c in _commands.Values) await c.DisposeAsync();
            if (_connection is not null) await _connection.DisposeAsync();
        }
        catch (SqliteException)
        {
            // Closing a connection whose disk failed can fail too; it is dropped either way.
        }
        finally
        {
            _commands.Clear();
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
        }
        finally
        {
            _gate.Release();
        }
    }
}
