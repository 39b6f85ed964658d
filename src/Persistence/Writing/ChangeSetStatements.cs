using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// The statements one change set runs, in the order every writer runs them: guarded updates first (a stale row refuses
/// the change set before anything of it is inserted), then the inserts.
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

    /// <summary>Applies the change set; returns why it is refused (nothing of it may then be committed), or null.</summary>
    public async ValueTask<Exception?> ApplyAsync(WorkflowChangeSet changes, Runner run)
    {
        // First: a link spent meanwhile refuses the change set for good, where a stale instance or task is retried.
        foreach (var (link, readRevision) in changes.SpentLinks)
        {
            if (await run(_links.UpdateSql, c => _links.BindUpdate(c, link, readRevision)) == 0) return new ParentLinkSpentException(link.Id);
        }
        foreach (var (instance, readStamp) in changes.ChangedInstances)
        {
            if (await run(_instances.UpdateSql, c => _instances.BindUpdate(c, instance, readStamp)) == 0)
                return new ConcurrencyConflictException(instance.Id);
        }
        foreach (var i in changes.NewInstances) await run(_instances.InsertSql, c => _instances.BindInsert(c, i));
        foreach (var (task, readRevision) in changes.ChangedTasks)
        {
            if (await run(_tasks.UpdateSql, c => _tasks.BindUpdate(c, task, readRevision)) == 0)
                return new ConcurrencyConflictException(task.InstanceId);
        }
        foreach (var t in changes.NewTasks) await run(_tasks.InsertSql, c => _tasks.BindInsert(c, t));
        foreach (var (timer, readStatus) in changes.ChangedTimers)
        {
            if (await run(_timers.UpdateSql, c => _timers.BindUpdate(c, timer, readStatus)) == 0)
                return new ConcurrencyConflictException(timer.InstanceId);
        }
        foreach (var t in changes.NewTimers) await run(_timers.InsertSql, c => _timers.BindInsert(c, t));
        foreach (var j in changes.Journal) await run(_journal.InsertSql, c => _journal.BindInsert(c, j));
        foreach (var m in changes.Milestones) await run(_milestones.InsertSql, c => _milestones.BindInsert(c, m));
        foreach (var a in changes.Audit) await run(_audit.InsertSql, c => _audit.BindInsert(c, a));
        return null;
    }

    /// <summary>What a unique index's refusal means: a second active instance of a definition for one subject is "already running".</summary>
    public static Exception Refusal(WorkflowChangeSet changes, Exception ex, bool activeInstanceIndex) =>
        activeInstanceIndex && changes.NewInstances.FirstOrDefault() is { } started
            ? new AlreadyRunningException(started.SubjectId, started.DefinitionId, Guid.Empty)
            : new InvalidOperationException($"The database refused the change: {ex.Message}", ex);
}
