using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// Commits what one unit of work changed in one transaction, and answers only after the commit. A stale instance, task or
/// timer is a <see cref="ConcurrencyConflictException"/> and nothing of that change set is written.
/// </summary>
internal interface IChangeSetWriter : IAuditWriter
{
    Task WriteAsync(WorkflowChangeSet changes, CancellationToken ct);

    /// <summary>Where the writer's time and the units' latency go, while a bench profiles it; null otherwise (always on PostgreSQL).</summary>
    WriterProfile? Profile => null;
}
