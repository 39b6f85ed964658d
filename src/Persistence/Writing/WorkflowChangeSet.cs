namespace SendWorkflow.Persistence.Writing;

/// <summary>Everything one event changed, with its audit entries, written by an <see cref="IChangeSetWriter"/> in one transaction.</summary>
internal sealed class WorkflowChangeSet : ChangeSet
{
    /// <summary>Audit entries committed with the change (or alone, for a look at a record).</summary>
    public List<AuditEntryRecord> Audit { get; } = [];

    /// <summary>Parents' links the change uses up, with the revision each was read at (<see cref="Sqlite.ParentLinkScope"/>).</summary>
    public List<(ParentLinkRecord Link, int ReadRevision)> SpentLinks { get; } = [];

    /// <summary>
    /// The changed rows as they were read (a copy each, keyed by the changed row itself), so that an update sets only
    /// the columns that changed; a changed row not here has every column set.
    /// </summary>
    public Dictionary<object, object> Read { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>When the unit of work began, was queued, written and committed, while the writer is profiled; null otherwise.</summary>
    public Sqlite.UnitTimes? Times { get; set; }

    public override bool IsEmpty => base.IsEmpty && Audit.Count == 0 && SpentLinks.Count == 0;
}
