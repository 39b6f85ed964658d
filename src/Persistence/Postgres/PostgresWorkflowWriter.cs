using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Postgres;

/// <summary>
/// The runtime's writer on PostgreSQL: no funnel. Each change set commits in its own transaction on a pooled
/// connection, so writers of several events (and of several hosts) run side by side; the guarded updates make a stale
/// read a conflict (the second writer of a row waits for the first and then finds the guard no longer holds).
/// </summary>
internal sealed class PostgresWorkflowWriter(NpgsqlDataSource dataSource, IModel model) : IChangeSetWriter
{
    private const string UniqueViolation = "23505";
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";
    private const string ActiveInstanceIndex = "UX_Instances_ActivePerSubject";

    private readonly ChangeSetStatements _statements = new(model);

    public Task WriteAsync(AuditEntryRecord entry, CancellationToken ct)
    {
        var changes = new WorkflowChangeSet();
        changes.Audit.Add(entry);
        return WriteAsync(changes, ct);
    }

    public async Task WriteAsync(WorkflowChangeSet changes, CancellationToken ct)
    {
        if (changes.IsEmpty) return;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        Exception? refusal;
        try
        {
            refusal = await _statements.ApplyAsync(changes, async (sql, bind) =>
            {
                await using var command = new NpgsqlCommand(sql, connection, tx);
                bind(command);
                return await command.ExecuteNonQueryAsync(ct);
            });
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            refusal = ChangeSetStatements.Refusal(changes, ex, ex.ConstraintName == ActiveInstanceIndex);
        }
        catch (PostgresException ex) when (ex.SqlState is SerializationFailure or DeadlockDetected)
        {
            // Two writers crossed on the same rows: the unit of work reads again and retries, as for a stale stamp.
            refusal = new ConcurrencyConflictException(changes.ChangedInstances.Select(c => c.Instance.Id).FirstOrDefault(), ex);
        }
        if (refusal is not null)
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw refusal;
        }
        await tx.CommitAsync(ct);
    }
}
