namespace SendWorkflow.Persistence.Sqlite;

/// <summary>The parent's link was used or revoked after it was read: nothing of the unit of work that spends it was written.</summary>
public sealed class ParentLinkSpentException(Guid linkId) : Exception($"Parent link {linkId} was used or revoked meanwhile.")
{
    public Guid LinkId { get; } = linkId;
}
