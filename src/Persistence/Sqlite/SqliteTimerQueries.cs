using Microsoft.EntityFrameworkCore.Metadata;
using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The timer dispatcher's and the deadline round's queries on SQLite, through statements prepared once per connection
/// (<see cref="SqliteReaders"/>) rather than EF Core: the same questions as <see cref="TimerQueries"/> (which PostgreSQL
/// keeps), the same rows in the same order, which <c>SqliteStoreTests</c> compares. They stand between the steps of the
/// simulated clock and of each 07:00 round, with nothing else to do meanwhile: through EF each took 0.4 to 0.7 ms (a
/// context, a pooled connection, the query's pipeline), some 1,600 of them in the 10,000-pupil year. Each names the
/// status it reads as a constant, as the partial indexes' conditions do, so SQLite uses them (QueryPlanTests).
/// </summary>
internal sealed class SqliteTimerQueries : ITimerQueries, IDisposable
{
    private readonly SqliteReaders _readers;
    private readonly TableRows<WorkflowTimer> _timers;
    private readonly TableRows<WorkTask> _tasks;
    private readonly string _dueTimers, _nextDue, _tasksToWarn, _overdueTasks;

    public SqliteTimerQueries(string connectionString, IModel model)
    {
        _readers = new SqliteReaders(connectionString);
        (_timers, _tasks) = (new(model), new(model));
        var pending = Literal(_timers.Parameter(nameof(WorkflowTimer.Status), TimerStatus.Pending));
        var open = Literal(_tasks.Parameter(nameof(WorkTask.Status), WorkTaskStatus.Open));
        string T(string p) => _timers.Quoted(p);
        string K(string p) => _tasks.Quoted(p);
        var (timerStatus, dueAt) = (T(nameof(WorkflowTimer.Status)), T(nameof(WorkflowTimer.DueAt)));
        _dueTimers = $"SELECT {T(nameof(WorkflowTimer.Id))}, {T(nameof(WorkflowTimer.InstanceId))}, {dueAt} FROM \"{_timers.Table}\" "
            + $"WHERE {timerStatus} = {pending} AND {dueAt} <= ?1 ORDER BY {dueAt}, {T(nameof(WorkflowTimer.Id))} LIMIT ?2";
        _nextDue = $"SELECT {dueAt} FROM \"{_timers.Table}\" WHERE {timerStatus} = {pending} ORDER BY {dueAt} LIMIT 1";
        var (taskStatus, warnOn, dueOn) = (K(nameof(WorkTask.Status)), K(nameof(WorkTask.WarnOn)), K(nameof(WorkTask.DueOn)));
        var taskColumns = $"SELECT {K(nameof(WorkTask.Id))}, {K(nameof(WorkTask.InstanceId))} FROM \"{_tasks.Table}\"";
        _tasksToWarn = $"{taskColumns} WHERE {taskStatus} = {open} AND {warnOn} IS NOT NULL AND {warnOn} <= ?1 "
            + $"AND {K(nameof(WorkTask.WarnedAt))} IS NULL AND {dueOn} >= ?1 ORDER BY {warnOn} LIMIT ?2";
        _overdueTasks = $"{taskColumns} WHERE {taskStatus} = {open} AND {dueOn} < ?1 AND {K(nameof(WorkTask.EscalatedAt))} IS NULL "
            + $"ORDER BY {dueOn} LIMIT ?2";
    }

    /// <summary>The statements, for the query plans' test.</summary>
    internal IReadOnlyList<string> Statements => [_dueTimers, _nextDue, _tasksToWarn, _overdueTasks];

    public Task<IReadOnlyList<DueTimer>> DueTimersAsync(DateTime upTo, int max, CancellationToken ct) =>
        Read<IReadOnlyList<DueTimer>>(r => r.All(_dueTimers, row => new DueTimer(
            (Guid)_timers.Value(row, 0, nameof(WorkflowTimer.Id))!, (Guid)_timers.Value(row, 1, nameof(WorkflowTimer.InstanceId))!,
            (DateTime)_timers.Value(row, 2, nameof(WorkflowTimer.DueAt))!),
            _timers.Parameter(nameof(WorkflowTimer.DueAt), upTo), (long)max), ct);

    public Task<DateTime?> NextDueAsync(CancellationToken ct) =>
        Read(r => r.First(_nextDue, row => (DateTime?)_timers.Value(row, 0, nameof(WorkflowTimer.DueAt))), ct);

    public Task<IReadOnlyList<DueTask>> TasksToWarnAsync(DateOnly today, int max, CancellationToken ct) =>
        Tasks(_tasksToWarn, today, max, ct);

    public Task<IReadOnlyList<DueTask>> OverdueTasksAsync(DateOnly today, int max, CancellationToken ct) =>
        Tasks(_overdueTasks, today, max, ct);

    private Task<IReadOnlyList<DueTask>> Tasks(string sql, DateOnly today, int max, CancellationToken ct) =>
        Read<IReadOnlyList<DueTask>>(r => r.All(sql, row => new DueTask(
            (Guid)_tasks.Value(row, 0, nameof(WorkTask.Id))!, (Guid)_tasks.Value(row, 1, nameof(WorkTask.InstanceId))!),
            _tasks.Parameter(nameof(WorkTask.DueOn), today), (long)max), ct);

    // One read transaction of its own: it sees every commit made before it began.
    private Task<T> Read<T>(Func<SqliteReaders.Reader, T> query, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var reader = _readers.Take();
        var failed = true;
        try
        {
            var result = query(reader);
            failed = false;
            return Task.FromResult(result);
        }
        finally
        {
            _readers.Give(reader, failed);
        }
    }

    // A status's name as the model stores it, written into the statement so that SQLite can match the partial index's condition.
    private static string Literal(object? stored) =>
        stored is string { Length: > 0 } name && name.All(char.IsAsciiLetter)
            ? $"'{name}'"
            : throw new InvalidOperationException($"A status stored as {stored ?? "null"} cannot be written into a statement.");

    public void Dispose() => _readers.Dispose();
}
