using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Postgres;

/// <summary>
/// The runtime's writer on PostgreSQL: no funnel. Each change set commits in its own transaction on a pooled
/// connection, so writers of several events (and of several hosts) run side by side; the guarded updates make a stale
/// read a conflict (the second writer of a row waits for the first and then finds the guard no longer holds). A change
/// set's statements (twenty or more for a move between stages) go to the server in one batch, one round trip, and the
/// rows each guarded update changed are checked before the commit; a refusal rolls it all back. When the batch breaks
/// a unique index and also holds guarded updates, it runs again a statement at a time, so that a stale row is still
/// told apart from a second start (a conflict to retry, not a refusal).
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
        var plan = _statements.Plan(changes);
        Exception? refusal;
        try
        {
            refusal = await RunBatchAsync(plan, connection, tx, ct);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation && plan.Any(p => p.IfNoRow is not null))
        {
            await tx.RollbackAsync(CancellationToken.None);
            await using var again = await connection.BeginTransactionAsync(ct);
            refusal = await ApplyOneByOneAsync(changes, connection, again, ct);
            await FinishAsync(again, refusal, ct);
            return;
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            refusal = ChangeSetStatements.Refusal(changes, ex, ex.ConstraintName == ActiveInstanceIndex);
        }
        catch (PostgresException ex) when (ex.SqlState is SerializationFailure or DeadlockDetected)
        {
            refusal = Crossed(changes, ex);
        }
        await FinishAsync(tx, refusal, ct);
    }

    private static async Task<Exception?> RunBatchAsync(
        List<ChangeSetStatements.Statement> plan, NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        await using var template = new NpgsqlCommand();
        foreach (var statement in plan)
        {
            // The parameters are made as EF Core makes them (the model's mappings), on a command, then moved to the batch.
            statement.Bind(template);
            var command = new NpgsqlBatchCommand(statement.Sql);
            var parameters = template.Parameters.ToArray();
            template.Parameters.Clear();
            command.Parameters.AddRange(parameters);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < plan.Count; i++)
        {
            if (plan[i].IfNoRow is { } refusal && batch.BatchCommands[i].RecordsAffected == 0) return refusal();
        }
        return null;
    }

    private async Task<Exception?> ApplyOneByOneAsync(WorkflowChangeSet changes, NpgsqlConnection connection, NpgsqlTransaction tx,
        CancellationToken ct)
    {
        try
        {
            return await _statements.ApplyAsync(changes, async statement =>
            {
                await using var command = new NpgsqlCommand(statement.Sql, connection, tx);
                statement.Bind(command);
                return await command.ExecuteNonQueryAsync(ct);
            });
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            return ChangeSetStatements.Refusal(changes, ex, ex.ConstraintName == ActiveInstanceIndex);
        }
        catch (PostgresException ex) when (ex.SqlState is SerializationFailure or DeadlockDetected)
        {
            return Crossed(changes, ex);
        }
    }

    // Two writers crossed on the same rows: the unit of work reads again and retries, as for a stale stamp.
    private static ConcurrencyConflictException Crossed(WorkflowChangeSet changes, PostgresException ex) =>
        new(changes.ChangedInstances.Select(c => c.Instance.Id).FirstOrDefault(), ex);

    private static async Task FinishAsync(NpgsqlTransaction tx, Exception? refusal, CancellationToken ct)
    {
        if (refusal is not null)
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw refusal;
        }
        await tx.CommitAsync(ct);
    }
}
