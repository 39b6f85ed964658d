using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Writes to the instances, tasks or timers that do not go through the single writer (an EF command: the simulation's
/// bulk updates, a migration's data, a test's setup) empty the instances' state held between units of work
/// (<see cref="InstanceStateCache.Clear"/>): once when the command has run and, inside a transaction, again when it
/// commits, so that no unit keeps rows it read before the write became visible. Reads and the other tables pass. A caller
/// that only closes open tasks says which first (<see cref="AnnounceClosing"/>), and only they leave what is held.
/// </summary>
/// <param name="states">The cache, resolved when first needed (the writer that owns it is made from this context's model).</param>
internal sealed partial class OutsideWriteInterceptor(Func<InstanceStateCache> states) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly AsyncLocal<Closing?> Announced = new();
    private readonly ConditionalWeakTable<DbTransaction, Closing?> _wrote = new();

    /// <summary>
    /// Until disposed, this flow's writes of instances, tasks or timers outside the writer do nothing but close these open
    /// tasks (the caller's promise, as the simulation's bulk updates keep it: they read the tasks they will close, and close
    /// them while no unit of work runs): they leave what is held, which is otherwise kept, as a unit's commit of the same
    /// closings would keep it.
    /// </summary>
    public static IDisposable AnnounceClosing(IReadOnlyCollection<(Guid Task, Guid Instance)> tasks)
    {
        var before = Announced.Value;
        Announced.Value = new Closing(tasks);
        return new Restore(() => Announced.Value = before);
    }

    private sealed record Closing(IReadOnlyCollection<(Guid Task, Guid Instance)> Tasks);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

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
        var announced = Announced.Value;
        LetGo(announced);
        if (command.Transaction is not { } transaction) return;
        // A second write in the same transaction outside the announcement, or under another, empties it all on commit.
        if (_wrote.TryGetValue(transaction, out var earlier) && !ReferenceEquals(earlier, announced)) announced = null;
        _wrote.AddOrUpdate(transaction, announced);
    }

    private void Committed(DbTransaction transaction)
    {
        if (_wrote.TryGetValue(transaction, out var announced) && _wrote.Remove(transaction)) LetGo(announced);
    }

    private void LetGo(Closing? announced)
    {
        if (announced is null) states().Clear();
        else states().TasksClosed(announced.Tasks);
    }

}
