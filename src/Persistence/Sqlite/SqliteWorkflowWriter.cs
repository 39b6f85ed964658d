using System.Globalization;
using Microsoft.Data.Sqlite;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The runtime's single writer. SQLite has one writer at a time, so events queue here in-process (far cheaper than
/// colliding on the file lock, where SQLite's busy handler sleeps in milliseconds) and write on one connection
/// whose statements are prepared once. The values match EF Core's SQLite mapping (GUIDs and instants as text,
/// enums as their names) so the rest of the service reads them through EF as usual.
/// </summary>
public sealed class SqliteWorkflowWriter(string connectionString) : IAsyncDisposable
{
    private const int MaxBatch = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly System.Threading.Channels.Channel<Pending> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private Task? _loop;
    private SqliteConnection? _connection;

    public string ConnectionString { get; } = connectionString;
    public bool IsInMemory => ConnectionString.Contains(":memory:", StringComparison.OrdinalIgnoreCase);
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal Task WriteAsync(WorkflowChangeSet changes, CancellationToken ct)
    {
        if (changes.IsEmpty) return Task.CompletedTask;
        EnsureRunning();
        var pending = new Pending(changes);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(SqliteWorkflowWriter));
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
            // A broken connection is not reused; nothing of this batch was written.
            await ResetAsync();
            foreach (var p in batch) p.Done.TrySetException(ex);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } conflict) batch[i].Done.TrySetException(conflict);
            else batch[i].Done.TrySetResult();
        }
    }

    private static Exception Refusal(WorkflowChangeSet changes, SqliteException ex) =>
        ex.Message.Contains("Instances.PupilId", StringComparison.Ordinal) && changes.NewInstances.FirstOrDefault() is { } started
            ? new AlreadyRunningException(started.PupilId, started.DefinitionId, Guid.Empty)
            : new InvalidOperationException($"The database refused the change: {ex.Message}", ex);

    private ConcurrencyConflictException? Apply(WorkflowChangeSet changes, SqliteTransaction tx)
    {
        foreach (var (instance, readStamp) in changes.ChangedInstances)
        {
            if (Run(UpdateInstanceSql, tx, InstanceValues(instance).Append(("@readStamp", readStamp))) == 0)
                return new ConcurrencyConflictException(instance.Id);
        }
        foreach (var i in changes.NewInstances) Run(InsertInstanceSql, tx, InstanceValues(i));
        foreach (var (task, readRevision) in changes.ChangedTasks)
        {
            if (Run(UpdateTaskSql, tx, TaskValues(task).Append(("@readRevision", readRevision))) == 0)
                return new ConcurrencyConflictException(task.InstanceId);
        }
        foreach (var t in changes.NewTasks) Run(InsertTaskSql, tx, TaskValues(t));
        foreach (var (timer, readStatus) in changes.ChangedTimers)
        {
            if (Run(UpdateTimerSql, tx, TimerValues(timer).Append(("@readStatus", readStatus.ToString()))) == 0)
                return new ConcurrencyConflictException(timer.InstanceId);
        }
        foreach (var t in changes.NewTimers) Run(InsertTimerSql, tx, TimerValues(t));
        foreach (var j in changes.Journal) Run(InsertJournalSql, tx, JournalValues(j));
        foreach (var m in changes.Milestones) Run(InsertMilestoneSql, tx, MilestoneValues(m));
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

    private int Run(string sql, SqliteTransaction tx, IEnumerable<(string Name, object? Value)> values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = tx;
        command.Parameters.Clear();
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
    }

    private static string Id(Guid id) => id.ToString("D").ToUpperInvariant();

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<(string, object?)> InstanceValues(WorkflowInstance i) =>
    [
        ("@Id", Id(i.Id)), ("@DefinitionId", i.DefinitionId), ("@Version", i.Version), ("@PupilId", i.PupilId),
        ("@SchoolId", i.SchoolId), ("@BoroughId", i.BoroughId), ("@State", i.State), ("@Stage", i.Stage),
        ("@Status", i.Status.ToString()), ("@StartedAt", Instant(i.StartedAt)), ("@EnteredStateAt", Instant(i.EnteredStateAt)),
        ("@EnteredBy", i.EnteredBy), ("@EnteredVia", i.EnteredVia), ("@LastProgress", i.LastProgress.ToString()),
        ("@ReviewsInStage", i.ReviewsInStage), ("@ReviewsWithoutProgress", i.ReviewsWithoutProgress),
        ("@UpdatedAt", Instant(i.UpdatedAt)), ("@ConcurrencyStamp", i.ConcurrencyStamp),
        ("@ParentInstanceId", i.ParentInstanceId is { } parent ? Id(parent) : null),
    ];

    private static IEnumerable<(string, object?)> TaskValues(WorkTask t) =>
    [
        ("@Id", Id(t.Id)), ("@InstanceId", Id(t.InstanceId)), ("@PupilId", t.PupilId), ("@SchoolId", t.SchoolId),
        ("@State", t.State), ("@DefinitionTaskId", t.DefinitionTaskId), ("@Title", t.Title), ("@Role", t.Role),
        ("@Kind", t.Kind), ("@DueOn", Day(t.DueOn)), ("@Status", t.Status.ToString()), ("@CreatedAt", Instant(t.CreatedAt)),
        ("@CompletedAt", t.CompletedAt is { } c ? Instant(c) : null), ("@CompletedBy", t.CompletedBy), ("@Outcome", t.Outcome),
        ("@Notes", t.Notes), ("@Raises", t.Raises), ("@RepeatsAt", t.RepeatsAt),
        ("@WarnOn", t.WarnOn is { } w ? Day(w) : null), ("@WarnedAt", t.WarnedAt is { } wa ? Instant(wa) : null),
        ("@EscalatedAt", t.EscalatedAt is { } e ? Instant(e) : null), ("@EscalateTo", t.EscalateTo),
        ("@EscalationOf", t.EscalationOf is { } of ? Id(of) : null), ("@Revision", t.Revision),
    ];

    private static IEnumerable<(string, object?)> TimerValues(WorkflowTimer t) =>
    [
        ("@Id", Id(t.Id)), ("@InstanceId", Id(t.InstanceId)), ("@State", t.State), ("@TimerId", t.TimerId),
        ("@DueAt", Instant(t.DueAt)), ("@Raises", t.Raises), ("@Status", t.Status.ToString()),
        ("@CreatedAt", Instant(t.CreatedAt)), ("@FiredAt", t.FiredAt is { } f ? Instant(f) : null),
    ];

    private static IEnumerable<(string, object?)> JournalValues(JournalEntry j) =>
    [
        ("@InstanceId", Id(j.InstanceId)), ("@At", Instant(j.At)), ("@Kind", j.Kind), ("@State", j.State),
        ("@Detail", j.Detail), ("@Data", j.Data), ("@Actor", j.Actor),
    ];

    private static IEnumerable<(string, object?)> MilestoneValues(Milestone m) =>
    [
        ("@InstanceId", Id(m.InstanceId)), ("@DefinitionId", m.DefinitionId), ("@BoroughId", m.BoroughId), ("@PupilId", m.PupilId),
        ("@Name", m.Name), ("@On", Day(m.On)),
        ("@RecordedAt", Instant(m.RecordedAt)), ("@Actor", m.Actor),
    ];

    private const string InsertMilestoneSql = "INSERT INTO Milestones (InstanceId, DefinitionId, BoroughId, PupilId, Name, \"On\", RecordedAt, Actor) VALUES (@InstanceId, @DefinitionId, @BoroughId, @PupilId, @Name, @On, @RecordedAt, @Actor)";
    private const string InstanceColumns = "Id, DefinitionId, Version, PupilId, SchoolId, BoroughId, State, Stage, Status, StartedAt, EnteredStateAt, EnteredBy, EnteredVia, LastProgress, ReviewsInStage, ReviewsWithoutProgress, UpdatedAt, ConcurrencyStamp, ParentInstanceId";
    private const string InsertInstanceSql = $"INSERT INTO Instances ({InstanceColumns}) VALUES (@Id, @DefinitionId, @Version, @PupilId, @SchoolId, @BoroughId, @State, @Stage, @Status, @StartedAt, @EnteredStateAt, @EnteredBy, @EnteredVia, @LastProgress, @ReviewsInStage, @ReviewsWithoutProgress, @UpdatedAt, @ConcurrencyStamp, @ParentInstanceId)";
    private const string UpdateInstanceSql = "UPDATE Instances SET State = @State, Stage = @Stage, Status = @Status, EnteredStateAt = @EnteredStateAt, EnteredBy = @EnteredBy, EnteredVia = @EnteredVia, LastProgress = @LastProgress, ReviewsInStage = @ReviewsInStage, ReviewsWithoutProgress = @ReviewsWithoutProgress, UpdatedAt = @UpdatedAt, ConcurrencyStamp = @ConcurrencyStamp, SchoolId = @SchoolId, BoroughId = @BoroughId, PupilId = @PupilId, DefinitionId = @DefinitionId, Version = @Version, StartedAt = @StartedAt, ParentInstanceId = @ParentInstanceId WHERE Id = @Id AND ConcurrencyStamp = @readStamp";
    private const string InsertTaskSql = "INSERT INTO Tasks (Id, InstanceId, PupilId, SchoolId, State, DefinitionTaskId, Title, Role, Kind, DueOn, Status, CreatedAt, CompletedAt, CompletedBy, Outcome, Notes, Raises, RepeatsAt, WarnOn, WarnedAt, EscalatedAt, EscalateTo, EscalationOf, Revision) VALUES (@Id, @InstanceId, @PupilId, @SchoolId, @State, @DefinitionTaskId, @Title, @Role, @Kind, @DueOn, @Status, @CreatedAt, @CompletedAt, @CompletedBy, @Outcome, @Notes, @Raises, @RepeatsAt, @WarnOn, @WarnedAt, @EscalatedAt, @EscalateTo, @EscalationOf, @Revision)";
    private const string UpdateTaskSql = "UPDATE Tasks SET Status = @Status, CompletedAt = @CompletedAt, CompletedBy = @CompletedBy, Outcome = @Outcome, Notes = @Notes, DueOn = @DueOn, Title = @Title, Role = @Role, Kind = @Kind, Raises = @Raises, RepeatsAt = @RepeatsAt, State = @State, DefinitionTaskId = @DefinitionTaskId, PupilId = @PupilId, SchoolId = @SchoolId, InstanceId = @InstanceId, CreatedAt = @CreatedAt, WarnOn = @WarnOn, WarnedAt = @WarnedAt, EscalatedAt = @EscalatedAt, EscalateTo = @EscalateTo, EscalationOf = @EscalationOf, Revision = @Revision WHERE Id = @Id AND Revision = @readRevision";
    private const string InsertTimerSql = "INSERT INTO Timers (Id, InstanceId, State, TimerId, DueAt, Raises, Status, CreatedAt, FiredAt) VALUES (@Id, @InstanceId, @State, @TimerId, @DueAt, @Raises, @Status, @CreatedAt, @FiredAt)";
    private const string UpdateTimerSql = "UPDATE Timers SET Status = @Status, FiredAt = @FiredAt, DueAt = @DueAt, State = @State, TimerId = @TimerId, Raises = @Raises, InstanceId = @InstanceId, CreatedAt = @CreatedAt WHERE Id = @Id AND Status = @readStatus";
    private const string InsertJournalSql = "INSERT INTO Journal (InstanceId, At, Kind, State, Detail, Data, Actor) VALUES (@InstanceId, @At, @Kind, @State, @Detail, @Data, @Actor)";

    private async Task ResetAsync()
    {
        foreach (var c in _commands.Values) await c.DisposeAsync();
        _commands.Clear();
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
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
