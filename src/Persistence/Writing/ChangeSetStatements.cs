using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// The statements one change set runs, in the order every writer runs them: the parents' links and the instances first
/// (a spent link or a stale instance refuses the change set before anything of it is written), then each table's guarded
/// updates before its new rows, then the journal, milestones and audit rows.
/// </summary>
internal sealed class ChangeSetStatements(IModel model)
{
    private readonly TableStatements<AuditEntryRecord> _audit = new(model);
    private readonly TableStatements<WorkflowInstance> _instances = new(model, nameof(WorkflowInstance.ConcurrencyStamp));
    private readonly TableStatements<WorkTask> _tasks = new(model, nameof(WorkTask.Revision));
    private readonly TableStatements<WorkflowTimer> _timers = new(model, nameof(WorkflowTimer.Status));
    private readonly TableStatements<JournalEntry> _journal = new(model);
    private readonly TableStatements<Milestone> _milestones = new(model);
    private readonly TableStatements<ParentLinkRecord> _links = new(model, nameof(ParentLinkRecord.Revision));

    /// <summary>Runs one statement: its SQL, how to bind its parameters; returns the rows it changed.</summary>
    public delegate ValueTask<int> Runner(string sql, Action<DbCommand> bind);

    /// <summary>
    /// One statement of a change set: its SQL, how to bind it, and for a guarded update why the change set is refused when
    /// it changes no row (null for an insert).
    /// </summary>
    public readonly record struct Statement(string Sql, Action<DbCommand> Bind, Func<Exception>? IfNoRow);

    /// <summary>The change set's statements in the order every writer runs them.</summary>
    public List<Statement> Plan(WorkflowChangeSet changes)
    {
        var plan = new List<Statement>();
        // First: a link spent meanwhile refuses the change set for good, where a stale instance or task is retried.
        foreach (var (link, read) in changes.SpentLinks)
            plan.Add(new(_links.UpdateSql, c => _links.BindUpdate(c, link, read), () => new ParentLinkSpentException(link.Id)));
        foreach (var (instance, read) in changes.ChangedInstances)
        {
            plan.Add(new(_instances.UpdateSql, c => _instances.BindUpdate(c, instance, read),
                () => new ConcurrencyConflictException(instance.Id)));
        }
        foreach (var i in changes.NewInstances) plan.Add(new(_instances.InsertSql, c => _instances.BindInsert(c, i), null));
        foreach (var (task, read) in changes.ChangedTasks)
            plan.Add(new(_tasks.UpdateSql, c => _tasks.BindUpdate(c, task, read), () => new ConcurrencyConflictException(task.InstanceId)));
        foreach (var t in changes.NewTasks) plan.Add(new(_tasks.InsertSql, c => _tasks.BindInsert(c, t), null));
        foreach (var (timer, read) in changes.ChangedTimers)
        {
            plan.Add(new(_timers.UpdateSql, c => _timers.BindUpdate(c, timer, read),
                () => new ConcurrencyConflictException(timer.InstanceId)));
        }
        foreach (var t in changes.NewTimers) plan.Add(new(_timers.InsertSql, c => _timers.BindInsert(c, t), null));
        foreach (var j in changes.Journal) plan.Add(new(_journal.InsertSql, c => _journal.BindInsert(c, j), null));
        foreach (var m in changes.Milestones) plan.Add(new(_milestones.InsertSql, c => _milestones.BindInsert(c, m), null));
        foreach (var a in changes.Audit) plan.Add(new(_audit.InsertSql, c => _audit.BindInsert(c, a), null));
        return plan;
    }

    /// <summary>
    /// Applies the change set one statement at a time, stopping at the first guarded update that finds its row changed;
    /// returns why it is refused (nothing of it may then be committed), or null.
    /// </summary>
    public async ValueTask<Exception?> ApplyAsync(WorkflowChangeSet changes, Runner run)
    {
        foreach (var statement in Plan(changes))
        {
            if (await run(statement.Sql, statement.Bind) == 0 && statement.IfNoRow is { } refusal) return refusal();
        }
        return null;
    }

    /// <summary>What a unique index's refusal means: a second active instance of a definition for one subject is "already running".</summary>
    public static Exception Refusal(WorkflowChangeSet changes, Exception ex, bool activeInstanceIndex) =>
        activeInstanceIndex && changes.NewInstances.FirstOrDefault() is { } started
            ? new AlreadyRunningException(started.SubjectId, started.DefinitionId, Guid.Empty)
            : new InvalidOperationException($"The database refused the change: {ex.Message}", ex);
}
