namespace SendWorkflow.Persistence.Sqlite;

/// <summary>Everything one event changed, with its audit entries, written by <see cref="SqliteWorkflowWriter"/> in one transaction.</summary>
internal sealed class WorkflowChangeSet : ChangeSet
{
    /// <summary>Audit entries committed with the change (or alone, for a look at a record).</summary>
    public List<AuditEntryRecord> Audit { get; } = [];

    public override bool IsEmpty => base.IsEmpty && Audit.Count == 0;
}
