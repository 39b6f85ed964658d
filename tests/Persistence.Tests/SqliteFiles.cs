using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SendWorkflow.Persistence.Tests;

/// <summary>Plain connections to a SQLite file, for the tests of what SQLite itself writes and reads.</summary>
internal static class SqliteFiles
{
    /// <summary>An open connection of its own (no pool), to the file.</summary>
    public static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Runs statements on the connection.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row of a query, as a number.</summary>
    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of the first row of a query, as text.</summary>
    public static string Text(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>A common table expression <c>n(i)</c> of the numbers 1 to <paramref name="count"/>, for an INSERT ... SELECT.</summary>
    public static string Numbers(int count) => $"WITH n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) ";

    /// <summary>A count of the calling thread's own (<c>syscr</c>: read calls, <c>syscw</c>: write calls), from /proc.</summary>
    public static long ThreadIo(string field)
    {
        var line = File.ReadLines("/proc/thread-self/io").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
    }
}
