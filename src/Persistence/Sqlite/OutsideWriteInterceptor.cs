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
/// Writes to the pupils or the schools empty the subjects' placements held (<see cref="SubjectPlacementCache.Clear"/>) in the
/// same two moments.
/// </summary>
/// <param name="states">The cache, resolved when first needed (the writer that owns it is made from this context's model).</param>
/// <param name="subjects">The placements held, resolved as <paramref name="states"/> is.</param>
internal sealed partial class OutsideWriteInterceptor(Func<InstanceStateCache> states, Func<SubjectPlacementCache> subjects)
    : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, Written> _wrote = new();

    // What a transaction's commands wrote, for its commit.
    private sealed class Written
    {
        public bool State { get; set; }
        public bool Subjects { get; set; }
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

    /// <summary>Whether the statement changes pupils or schools, whose placements the units read.</summary>
    public static bool ChangesSubjects(string sql) => WriteOfSubjects().IsMatch(sql);

    [GeneratedRegex("""\b(INSERT(\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(Instances|Tasks|Timers)\b""",
        RegexOptions.IgnoreCase)]
    private static partial Regex WriteOfState();

    [GeneratedRegex("""\b(INSERT(\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(Pupils|Schools)\b""",
        RegexOptions.IgnoreCase)]
    private static partial Regex WriteOfSubjects();

    private void Wrote(DbCommand command)
    {
        var (state, subject) = (Changes(command.CommandText), ChangesSubjects(command.CommandText));
        if (!state && !subject) return;
        if (state) states().Clear();
        if (subject) subjects().Clear();
        if (command.Transaction is not { } transaction) return;
        var wrote = _wrote.GetOrCreateValue(transaction);
        wrote.State |= state;
        wrote.Subjects |= subject;
    }

    private void Committed(DbTransaction transaction)
    {
        if (!_wrote.TryGetValue(transaction, out var wrote)) return;
        _wrote.Remove(transaction);
        if (wrote.State) states().Clear();
        if (wrote.Subjects) subjects().Clear();
    }
}
