using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The writer's and the readers' statements (<see cref="PreparedStatement"/>), which call SQLite directly: every kind of
/// value they bind is stored as SQLite stores it through Microsoft.Data.Sqlite, and read back the same, on a real file.
/// </summary>
public sealed class PreparedStatementTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sendworkflow-statement-").FullName;

    [Fact]
    public void EveryKindOfValue_IsBoundAndReadBack_AndAnEmptyTextOrBlobIsNotNull()
    {
        using var connection = SqliteFiles.Open(Path.Combine(_folder, "values.db"));
        SqliteFiles.Execute(connection, "CREATE TABLE V (Id INTEGER PRIMARY KEY, T TEXT, B BLOB, I INTEGER, D REAL)");
        var id = Guid.Parse("01a0607d-0080-7001-a240-41802af48ffa");
        var rows = new (string? Text, object? Blob, long? Number, double? Real)[]
        {
            ("Reminder to class-teacher: due 9 December 2026", id, 42L, 1.5),
            ("", Array.Empty<byte>(), 0L, 0.0),
            (null, null, null, null),
            ("Zoë's review, £5 and ✓", new byte[] { 0, 1, 255 }, long.MinValue, -2.25e300),
        };
        using (var insert = new PreparedStatement(connection, "INSERT INTO V (Id, T, B, I, D) VALUES (?, ?, ?, ?, ?)"))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                insert.Bind(1, i);
                insert.Bind(2, rows[i].Text);
                insert.Bind(3, rows[i].Blob);
                insert.Bind(4, rows[i].Number);
                insert.Bind(5, rows[i].Real);
                Assert.Equal(1, insert.Execute());
            }
        }

        // What SQLite stored, asked through Microsoft.Data.Sqlite.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT typeof(T), typeof(B), length(B) FROM V ORDER BY Id";
            using var reader = command.ExecuteReader();
            var stored = new List<string>();
            while (reader.Read()) stored.Add($"{reader.GetString(0)} {reader.GetString(1)} {(reader.IsDBNull(2) ? "-" : reader.GetInt64(2))}");
            Assert.Equal(["text blob 16", "text blob 0", "null null -", "text blob 3"], stored);
        }

        using var select = new PreparedStatement(connection, "SELECT T, B, I, D FROM V WHERE Id = ?");
        for (var i = 0; i < rows.Length; i++)
        {
            select.Bind(1, i);
            Assert.True(select.Next());
            Assert.Equal(rows[i].Text, select.Value(0, typeof(string)));
            Assert.Equal(rows[i].Blob is null, select.IsNull(1));
            if (rows[i].Blob is Guid guid) Assert.Equal(guid, select.Value(1, typeof(Guid)));
            if (rows[i].Blob is byte[] bytes) Assert.Equal(bytes, (byte[])select.Value(1, typeof(byte[]))!);
            Assert.Equal(rows[i].Number, (long?)select.Value(2, typeof(long)));
            Assert.Equal(rows[i].Real, (double?)select.Value(3, typeof(double)));
            Assert.False(select.Next());
            select.Reset();
        }
    }

    [Fact]
    public void AStatementThatFails_SaysWhy_AndTheStatementRunsAgain()
    {
        using var connection = SqliteFiles.Open(Path.Combine(_folder, "refused.db"));
        SqliteFiles.Execute(connection, "CREATE TABLE V (Id INTEGER PRIMARY KEY, T TEXT NOT NULL)");
        using var insert = new PreparedStatement(connection, "INSERT INTO V (Id, T) VALUES (?, ?)");
        insert.Bind(1, 1);
        insert.Bind(2, null);
        var refused = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => insert.Execute());
        Assert.Contains("NOT NULL", refused.Message, StringComparison.Ordinal);
        insert.Bind(1, 1);
        insert.Bind(2, "");
        Assert.Equal(1, insert.Execute());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
