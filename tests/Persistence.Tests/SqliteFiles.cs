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
}
