using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Writes to the instances, tasks or timers that do not go through the single writer (an EF command: the simulation's
/// bulk updates, a migration's data, a test's setup) empty the instances' state held between units of work
/// (<see cref="InstanceStateCache.Clear"/>): once when the command has run and, inside a transaction, again when it
/// commits, so that no unit keeps rows it read before the write became visible. Reads and the other tables pass. (A large
/// closing of open tasks that should leave the rest held goes through the writer: <see cref="SqliteWorkflowWriter.CompleteInBulkAsync"/>.)
/// </summary>
/// <param name="states">The cache, resolved when first needed (the writer that owns it is made from this context's model).</param>
internal sealed partial class OutsideWriteInterceptor(Func<InstanceStateCache> states) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, object> _wrote = new();

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Wrote(command);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Wrote(command);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Wrote(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Wrote(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Wrote(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Wrote(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    /// <summary>Whether the statement changes instances, tasks or timers (as EF and hand-written SQL spell it).</summary>
    public static bool Changes(string sql) => WriteOfState().IsMatch(sql);

    [GeneratedRegex("""\b(INSERT(\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(Instances|Tasks|Timers)\b""",
        RegexOptions.IgnoreCase)]
    private static partial Regex WriteOfState();

    private void Wrote(DbCommand command)
    {
        if (!Changes(command.CommandText)) return;
        states().Clear();
        if (command.Transaction is { } transaction) _wrote.AddOrUpdate(transaction, transaction);
    }

    private void Committed(DbTransaction transaction)
    {
        if (_wrote.Remove(transaction)) states().Clear();
    }
}
