using Microsoft.Data.Sqlite;
using SendWorkflow.Persistence.Writing;

namespace SendWorkflow.Persistence.Sqlite;

public sealed partial class SqliteWorkflowWriter
{
    /// <summary>
    /// The new tasks, timers and journal entries of a batch's change sets, made after the batch's other statements, a table's
    /// rows several to a statement (<c>INSERT ... VALUES (...), (...)</c>). A row statement of its own cost SQLite the
    /// statement's start and end as well as the row: its cursors on the table and on each of its indexes (eight for a
    /// task), and for the journal's number the read and write of its sequence (<c>AUTOINCREMENT</c>). Nothing else in a
    /// batch reads these rows, guards on them or can be refused for them (<see cref="ChangeSetStatements.Statement.Appends"/>):
    /// a unit sees another's rows only once they are committed. A change set refused before its appends are kept leaves
    /// none. Each table's rows keep the order their change sets gave them, so an instance's journal reads as before.
    /// </summary>
    private sealed class BatchAppends
    {
        // The rows a statement makes at most, and the sizes the rows are made in: each size is a statement prepared once.
        private const int MostRows = 32;
        private readonly Dictionary<string, List<object?[]>> _rows = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Sql, int Rows), string> _sql = [];

        public void Add(ChangeSetStatements.EncodedStatement statement)
        {
            if (!_rows.TryGetValue(statement.Sql, out var rows)) _rows[statement.Sql] = rows = [];
            rows.Add(statement.Values);
        }

        public void Clear()
        {
            foreach (var rows in _rows.Values) rows.Clear();
        }

        /// <summary>
        /// Inserts the rows kept, in the batch's transaction; false if a constraint refused one (then the batch is rolled
        /// back and written again with a savepoint for each change set, which tells whose row it was).
        /// </summary>
        public bool Write(SqliteWorkflowWriter writer)
        {
            try
            {
                foreach (var (sql, rows) in _rows)
                {
                    for (var at = 0; at < rows.Count;)
                    {
                        var count = Math.Min(MostRows, 1 << (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)(rows.Count - at))));
                        writer.RunRows(Multi(sql, count, rows[at].Length), rows, at, count);
                        at += count;
                    }
                }
                return true;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                return false;
            }
            finally
            {
                Clear();
            }
        }

        // The insert of one row made an insert of several: its columns, then as many lists of values, each parameter a "?"
        // (numbered by SQLite in order, as the rows' values are bound).
        private string Multi(string sql, int rows, int values)
        {
            if (rows == 1) return sql;
            if (_sql.TryGetValue((sql, rows), out var multi)) return multi;
            var columns = sql[..(sql.IndexOf(" VALUES (", StringComparison.Ordinal) + " VALUES ".Length)];
            var row = "(" + string.Join(", ", Enumerable.Repeat("?", values)) + ")";
            return _sql[(sql, rows)] = columns + string.Join(", ", Enumerable.Repeat(row, rows));
        }
    }
}
