using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Connections for the engine's reads, each keeping its statements prepared (<see cref="PreparedStatement"/>). Through
/// EF Core every query was a new command, parsed and planned again by SQLite each time, on a connection taken from the
/// pool and given back: for an event's four or five reads, a third of its time outside the writer. A connection is
/// taken for a unit of work's reads and given back when they end; as many are open as units have read side by side.
/// </summary>
internal sealed class SqliteReaders(string connectionString) : IDisposable
{
    /// <summary>
    /// Connections kept open beyond this many are closed when given back: a read is short, so few run at once on a few
    /// cores, and each connection keeps a page cache of its own (<see cref="SqlitePragmaInterceptor.Pragmas"/>).
    /// </summary>
    private static readonly int MaxIdle = Math.Max(8, 4 * Environment.ProcessorCount);

    private readonly ConcurrentBag<Reader> _idle = [];
    private bool _disposed;

    /// <summary>
    /// A connection for one unit of work's reads, in one read transaction from its first read (one snapshot, and one
    /// reload of the pages a commit has changed, where a read each in its own transaction reloaded them for every read).
    /// Given back by <see cref="Give"/>, which ends the transaction.
    /// </summary>
    public Reader Take()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var reader = _idle.TryTake(out var idle) ? idle : new Reader(connectionString);
        try
        {
            reader.Begin();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Ends the reader's transaction and keeps it for the next unit of work; a reader whose read failed (a disk that
    /// failed, a file replaced) is closed instead, and the next unit opens another.
    /// </summary>
    public void Give(Reader reader, bool failed)
    {
        if (!failed)
        {
            try
            {
                reader.End();
            }
            catch (SqliteException)
            {
                failed = true;
            }
        }
        if (!failed && _idle.Count < MaxIdle && !_disposed) _idle.Add(reader);
        else reader.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader)) reader.Dispose();
    }

    /// <summary>One read connection and its prepared statements.</summary>
    public sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, PreparedStatement> _prepared = new(StringComparer.Ordinal);

        public Reader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            using var pragma = _connection.CreateCommand();
            pragma.CommandText = SqlitePragmaInterceptor.Pragmas;
            pragma.ExecuteNonQuery();
        }

        /// <summary>Opens a read transaction: SQLite takes its snapshot at the first read in it.</summary>
        public void Begin() => Bound("BEGIN", []).Execute();

        public void End() => Bound("COMMIT", []).Execute();

        /// <summary>The rows of a query, each made by <paramref name="row"/>, the statement reset at the end.</summary>
        public List<TRow> All<TRow>(string sql, Func<PreparedStatement, TRow> row, params ReadOnlySpan<object?> values)
        {
            var statement = Bound(sql, values);
            try
            {
                var rows = new List<TRow>();
                while (statement.Next()) rows.Add(row(statement));
                return rows;
            }
            finally
            {
                statement.Reset();
            }
        }

        /// <summary>The first row of a query, or the default when it has none.</summary>
        public TRow? First<TRow>(string sql, Func<PreparedStatement, TRow> row, params ReadOnlySpan<object?> values)
        {
            var statement = Bound(sql, values);
            try
            {
                return statement.Next() ? row(statement) : default;
            }
            finally
            {
                statement.Reset();
            }
        }

        private PreparedStatement Bound(string sql, ReadOnlySpan<object?> values)
        {
            if (!_prepared.TryGetValue(sql, out var statement))
            {
                statement = new PreparedStatement(_connection, sql);
                _prepared[sql] = statement;
            }
            for (var i = 0; i < values.Length; i++) statement.Bind(i + 1, values[i]);
            return statement;
        }

        public void Dispose()
        {
            foreach (var statement in _prepared.Values) statement.Dispose();
            _prepared.Clear();
            _connection.Dispose();
        }
    }
}
