namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The audit entry of a change made through the workflow engine, carried into the engine's unit of work so that it
/// commits in the same transaction as the change: the change and its audit row land together or not at all, and a
/// retried unit of work writes it once. Attach it around the engine call: <c>using (AuditScope.Attach(entry)) ...</c>.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<IReadOnlyList<AuditEntryRecord>?> Current = new();

    public static IDisposable Attach(AuditEntryRecord entry)
    {
        var before = Current.Value;
        Current.Value = [.. before ?? [], entry];
        return new Detach(before);
    }

    /// <summary>The entries the unit of work committing now carries.</summary>
    internal static IReadOnlyList<AuditEntryRecord> Pending => Current.Value ?? [];

    private sealed class Detach(IReadOnlyList<AuditEntryRecord>? before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}
