using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Which open tasks a bulk completion closes (<see cref="SqliteWorkflowWriter.CompleteInBulkAsync"/>): one of the conditions
/// below, written here once, rather than SQL from the caller.
/// </summary>
public sealed class BulkTaskFilter
{
    private BulkTaskFilter(string where, object?[] values) => (Where, Values) = (where, values);

    /// <summary>The condition on the tasks' table, with <c>?</c> for each of <see cref="Values"/>.</summary>
    internal string Where { get; }

    internal object?[] Values { get; }

    /// <summary>The rows of one transaction of the completion: at most <see cref="SqliteWorkflowWriter.BulkChunk"/> of them.</summary>
    internal string ChunkSql => $"SELECT rowid FROM \"Tasks\" WHERE {Where} LIMIT {SqliteWorkflowWriter.BulkChunk}";

    /// <summary>
    /// The open tasks due on or before <paramref name="day"/>, but for those of <paramref name="exceptKinds"/>. It names the
    /// open status as the due-date index's condition does, so SQLite walks that index from its start to the day.
    /// </summary>
    public static BulkTaskFilter OpenDueBy(DateOnly day, params string[] exceptKinds) =>
        new($"\"Status\" = 'Open' AND \"DueOn\" <= ?"
            + (exceptKinds.Length == 0 ? "" : $" AND \"Kind\" NOT IN ({string.Join(", ", exceptKinds.Select(_ => "?"))})"),
            [day, .. exceptKinds]);

    /// <summary>
    /// The open escalation tasks whose overdue task is no longer open. Kind and status are named as the escalations' index's
    /// condition names them, so SQLite reads that small index rather than the table.
    /// </summary>
    public static BulkTaskFilter SpentEscalations { get; } =
        new($"\"Status\" = 'Open' AND \"Kind\" = '{WorkTask.EscalationKind}' AND EXISTS (SELECT 1 FROM \"Tasks\" AS \"o\" "
            + "WHERE \"o\".\"Id\" = \"Tasks\".\"EscalationOf\" AND \"o\".\"Status\" <> 'Open')", []);
}

public sealed partial class SqliteWorkflowWriter
{
    /// <summary>The tasks a bulk completion closes in one transaction at most: a commit's pages stay well within the log's limit.</summary>
    internal const int BulkChunk = 2_000;

    /// <summary>
    /// Completes the open tasks each filter finds, in turn, outside any unit of work (no journal, no rule): a large change
    /// such as the simulated year's ticking-off of the day's ordinary tasks. It runs in the writer's turn, alone, on its
    /// connection: after every change set queued before it and before any queued after it, so its place among the units is
    /// the order of the calls, however long it waits. The caller need not wait for it before queueing more. Each task's
    /// revision goes up, and its instance's stamp, as a completion through the engine would move them: a unit that read
    /// the instance or the task before the completion is refused when it writes, and tried again on what is now there.
    /// The state held between units follows, as after any commit. At most <see cref="BulkChunk"/> tasks a transaction,
    /// the log rewound between them as after any commit (when the checkpointer asks, or past twice its limit). Returns how
    /// many tasks each filter completed.
    /// </summary>
    public Task<int[]> CompleteInBulkAsync(IReadOnlyList<BulkTaskFilter> filters, DateTime at, string by, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        EnsureRunning();
        var counts = new int[filters.Count];
        var pending = new Pending(new WorkflowChangeSet(), [])
        {
            Alone = async () =>
            {
                for (var i = 0; i < filters.Count; i++) counts[i] = await CompleteAsync(filters[i], at, by);
            },
        };
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return CountsAsync(pending.Done.Task, counts);
    }

    private static async Task<int[]> CountsAsync(Task done, int[] counts)
    {
        await done;
        return counts;
    }

    private async Task RunAloneAsync(Pending alone)
    {
        try
        {
            await ConnectionAsync(CancellationToken.None);
            await alone.Alone!();
            alone.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            // As for a batch: the connection is dropped (rolling back the transaction begun), and nothing held is trusted.
            await ResetAsync();
            States.Clear();
            alone.Done.TrySetException(SqliteStorageErrors.Classify(ex, DataSource) ?? ex);
        }
    }

    private async Task<int> CompleteAsync(BulkTaskFilter filter, DateTime at, string by)
    {
        var close = Prepared("UPDATE \"Tasks\" SET \"Status\" = ?, \"CompletedAt\" = ?, \"CompletedBy\" = ?, \"Revision\" = \"Revision\" + 1 "
            + $"WHERE rowid IN ({filter.ChunkSql}) RETURNING \"Id\", \"InstanceId\"");
        var touch = Prepared("UPDATE \"Instances\" SET \"ConcurrencyStamp\" = \"ConcurrencyStamp\" + 1, \"UpdatedAt\" = ? WHERE \"Id\" = ? "
            + "RETURNING \"ConcurrencyStamp\"");
        var completed = Encoded<WorkTask>(nameof(WorkTask.Status), WorkTaskStatus.Completed);
        var completedAt = Encoded<WorkTask>(nameof(WorkTask.CompletedAt), at);
        var updatedAt = Encoded<WorkflowInstance>(nameof(WorkflowInstance.UpdatedAt), at);
        var total = 0;
        while (true)
        {
            Execute("BEGIN IMMEDIATE");
            var started = Profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            object?[] values = [completed, completedAt, PreparedStatement.Encode(by), .. filter.Values.Select(PreparedStatement.Encode)];
            _recording?.Statement(close.Sql, values);
            for (var i = 0; i < values.Length; i++) close.BindEncoded(i + 1, values[i]);
            var closed = new List<(Guid Task, Guid Instance)>();
            try
            {
                while (close.Next()) closed.Add(((Guid)close.Value(0, typeof(Guid))!, (Guid)close.Value(1, typeof(Guid))!));
            }
            finally
            {
                close.Reset();
            }
            Profile?.Statement("bulk completion: update Tasks", started);
            // Each instance's stamp as the database now holds it, which the state held is given (InstanceStateCache.CompletedInBulk).
            var stamps = new Dictionary<Guid, int>();
            foreach (var instance in closed.Select(c => c.Instance).Distinct())
            {
                var id = PreparedStatement.Encode(instance);
                // The values' array is made only while recording.
                _recording?.Statement(touch.Sql, [updatedAt, id]);
                touch.BindEncoded(1, updatedAt);
                touch.BindEncoded(2, id);
                if (Touch(touch) is { } stamp) stamps[instance] = stamp;
            }
            Commit(0);
            States.CompletedInBulk(closed, stamps, at);
            total += closed.Count;
            await RewindIfDueAsync();
            CountBusy();
            if (closed.Count < BulkChunk) return total;
        }
    }

    // An instance's stamp raised; returns it as it now is (none if the instance is gone).
    private int? Touch(PreparedStatement touch)
    {
        var started = Profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return touch.Next() ? (int)touch.Value(0, typeof(int))! : null;
        }
        finally
        {
            touch.Reset();
            Profile?.Statement("bulk completion: update Instances (their stamps)", started);
        }
    }

    // A value as the model's mapping of the column stores it (an enum's name, an instant's text), bound as the writer binds.
    private object? Encoded<T>(string property, object? value) where T : class =>
        PreparedStatement.Encode(TableStatements<T>.ToProvider(
            Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetRelationalTypeMapping(), value));
}
