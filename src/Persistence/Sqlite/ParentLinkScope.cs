namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// A parent's link spent by a change made through the workflow engine (the task the parent's answer completes), carried
/// into the engine's unit of work like <see cref="AuditScope"/>, so that the link is used up in the same transaction as
/// the answer: both land or neither does. The link's row is written only where it still has the revision it was read
/// at; otherwise (another answer or a revocation came first) the unit of work is refused whole with
/// <see cref="ParentLinkSpentException"/>, which is not retried. Spend it around the engine call:
/// <c>using (ParentLinkScope.Spend(link, read)) ...</c>.
/// </summary>
public static class ParentLinkScope
{
    private static readonly AsyncLocal<(ParentLinkRecord Link, int ReadRevision)?> Current = new();

    /// <param name="link">The link as it is to be written (used, its revision moved on).</param>
    /// <param name="readRevision">The revision it was read at.</param>
    public static IDisposable Spend(ParentLinkRecord link, int readRevision)
    {
        var before = Current.Value;
        Current.Value = (link, readRevision);
        return new Restore(before);
    }

    /// <summary>The link the unit of work committing now spends, if any.</summary>
    internal static (ParentLinkRecord Link, int ReadRevision)? Pending => Current.Value;

    private sealed class Restore((ParentLinkRecord, int)? before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}
