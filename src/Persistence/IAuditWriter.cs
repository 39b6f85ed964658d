namespace SendWorkflow.Persistence;

/// <summary>Writes audit entries durably: the task completes once they are committed.</summary>
public interface IAuditWriter
{
    Task WriteAsync(AuditEntryRecord entry, CancellationToken ct);
}
