using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// The statements one change set runs, in the order every writer runs them: the parents' links and the instances first
/// (a spent link or a stale instance refuses the change set before anything of it is written), then each table's guarded
/// updates before its new rows, then the journal, milestones and audit rows. On SQLite (<paramref name="chainJournal"/>) each
/// journal row names the instance's entry before it, which the writer binds as it goes (<see cref="JournalChain"/>).
/// </summary>
internal sealed class ChangeSetStatements(IModel model, bool chainJournal = false)
{
    private readonly TableStatements<AuditEntryRecord> _audit = new(model);
    private readonly TableStatements<WorkflowInstance> _instances = new(model, nameof(WorkflowInstance.ConcurrencyStamp));
    private readonly TableStatements<WorkTask> _tasks = new(model, nameof(WorkTask.Revision));
    private readonly TableStatements<WorkflowTimer> _timers = new(model, nameof(WorkflowTimer.Status));
    private readonly TableStatements<JournalEntry> _journal = new(model);
    private readonly TableStatements<Milestone> _milestones = new(model);
    private readonly TableStatements<ParentLinkRecord> _links = new(model, nameof(ParentLinkRecord.Revision));

    /// <summary>Runs one statement; returns the rows it changed.</summary>
    public delegate ValueTask<int> Runner(Statement statement);

    /// <summary>
    /// One statement of a change set: its SQL, its row (bound to an ADO.NET command, or its values encoded for the SQLite
    /// writer, <see cref="Encode"/>), and for a guarded update why the change set is refused when it changes no row (null for an insert).
    /// </summary>
    public readonly record struct Statement(string Sql, IRow Row, Func<Exception>? IfNoRow, Guid? ChainOf = null)
    {
        public void Bind(DbCommand command) => Row.Bind(command);
    }

    /// <summary>
    /// One statement with its values as the SQLite writer binds them (<see cref="PreparedStatement.Encode"/>), worked out on
    /// the caller's thread (<see cref="Encode"/>), so that the single writer's time goes to SQLite.
    /// </summary>
    /// <param name="ChainOf">For a journal row on SQLite, its instance: the last value is the instance's entry before it,
    /// which the writer binds (<see cref="JournalChain"/>).</param>
    public readonly record struct EncodedStatement(string Sql, object?[] Values, Func<Exception>? IfNoRow, Guid? ChainOf = null);

    /// <summary>A row's values for its statement.</summary>
    public interface IRow
    {
        void Bind(DbCommand command);
        object?[] Values();
    }

    private sealed class NewRow<T>(TableStatements<T> table, T row) : IRow where T : class
    {
        public void Bind(DbCommand command) => table.BindInsert(command, row);
        public object?[] Values() => table.InsertValues(row);
    }

    private sealed class ChangedRow<T>(TableStatements<T> table, TableStatements<T>.Update update, T row, object read) : IRow where T : class
    {
        public void Bind(DbCommand command) => table.BindUpdate(command, update, row, read);
        public object?[] Values() => table.UpdateValues(update, row, read);
    }

    // A journal row with a place at the end for the entry before it, which only the SQLite writer knows as it writes.
    private sealed class ChainedRow(TableStatements<JournalEntry> table, JournalEntry row) : IRow
    {
        public void Bind(DbCommand command) => throw new NotSupportedException("Only the SQLite writer chains the journal.");
        public object?[] Values() => [.. table.InsertValues(row), null];
    }

    private static Statement Insert<T>(TableStatements<T> table, T row) where T : class => new(table.InsertSql, new NewRow<T>(table, row), null);

    private string? _chainedJournalSql;

    private Statement JournalInsert(JournalEntry row) => chainJournal
        ? new(_chainedJournalSql ??= JournalChain.ChainedInsert(_journal.InsertSql), new ChainedRow(_journal, row), null, row.InstanceId)
        : Insert(_journal, row);

    // Sets the columns that differ from the row as read (every column when the change set does not hold it).
    private static Statement Update<T>(WorkflowChangeSet changes, TableStatements<T> table, T row, object read, Func<Exception> ifNoRow)
        where T : class
    {
        var update = table.UpdateOf(row, changes.Read.GetValueOrDefault(row) as T);
        return new(update.Sql, new ChangedRow<T>(table, update, row, read), ifNoRow);
    }

    /// <summary>The change set's statements in the order every writer runs them.</summary>
    public List<Statement> Plan(WorkflowChangeSet changes)
    {
        var plan = new List<Statement>();
        // First: a link spent meanwhile refuses the change set for good, where a stale instance or task is retried.
        foreach (var (link, read) in changes.SpentLinks) plan.Add(Update(changes, _links, link, read, () => new ParentLinkSpentException(link.Id)));
        foreach (var (instance, read) in changes.ChangedInstances)
            plan.Add(Update(changes, _instances, instance, read, () => new ConcurrencyConflictException(instance.Id)));
        foreach (var i in changes.NewInstances) plan.Add(Insert(_instances, i));
        foreach (var (task, read) in changes.ChangedTasks)
            plan.Add(Update(changes, _tasks, task, read, () => new ConcurrencyConflictException(task.InstanceId)));
        foreach (var t in changes.NewTasks) plan.Add(Insert(_tasks, t));
        foreach (var (timer, read) in changes.ChangedTimers)
            plan.Add(Update(changes, _timers, timer, read, () => new ConcurrencyConflictException(timer.InstanceId)));
        foreach (var t in changes.NewTimers) plan.Add(Insert(_timers, t));
        foreach (var j in changes.Journal) plan.Add(JournalInsert(j));
        foreach (var m in changes.Milestones) plan.Add(Insert(_milestones, m));
        foreach (var a in changes.Audit) plan.Add(Insert(_audit, a));
        return plan;
    }

    /// <summary>The change set's statements in the order every writer runs them, with their values encoded for SQLite.</summary>
    public EncodedStatement[] Encode(WorkflowChangeSet changes) =>
        Plan(changes).Select(s => new EncodedStatement(s.Sql, s.Row.Values(), s.IfNoRow, s.ChainOf)).ToArray();

    /// <summary>
    /// Applies the change set one statement at a time, stopping at the first guarded update that finds its row changed;
    /// returns why it is refused (nothing of it may then be committed), or null.
    /// </summary>
    public async ValueTask<Exception?> ApplyAsync(WorkflowChangeSet changes, Runner run)
    {
        foreach (var statement in Plan(changes))
        {
            if (await run(statement) == 0 && statement.IfNoRow is { } refusal) return refusal();
        }
        return null;
    }

    /// <summary>What a unique index's refusal means: a second active instance of a definition for one subject is "already running".</summary>
    public static Exception Refusal(WorkflowChangeSet changes, Exception ex, bool activeInstanceIndex) =>
        activeInstanceIndex && changes.NewInstances.FirstOrDefault() is { } started
            ? new AlreadyRunningException(started.SubjectId, started.DefinitionId, Guid.Empty)
            : new InvalidOperationException($"The database refused the change: {ex.Message}", ex);
}
