using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The journal and the milestones are numbered by SQLite's row numbers, without AUTOINCREMENT (SendWorkflowDbContext,
/// RowidKeys): a new database's tables, and an older database's after the migration, rows and numbers kept.
/// </summary>
public sealed class RowidKeyTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    // The last migration before the journal lost AUTOINCREMENT.
    private const string Before = "20261203084652_InstanceIndexesWithoutStatus";

    [Fact]
    public async Task ANewDatabase_NumbersItsJournalAndMilestones_ByRowNumber()
    {
        await using var store = await StoreOnFile.OpenAsync("sendworkflow-rowid-");
        using var connection = SqliteFiles.Open(store.File);
        foreach (var table in new[] { "Journal", "Milestones" })
        {
            var sql = TableSql(connection, table);
            Assert.Contains("\"Id\" INTEGER NOT NULL CONSTRAINT", sql, StringComparison.Ordinal);
            Assert.Contains("PRIMARY KEY", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("AUTOINCREMENT", sql, StringComparison.OrdinalIgnoreCase);
        }
        // Nothing is kept of them in sqlite_sequence, which only AUTOINCREMENT writes.
        await using var db = await store.Factory.CreateDbContextAsync();
        db.Journal.Add(Entry(Guid.CreateVersion7(Now), "started"));
        await db.SaveChangesAsync();
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_sequence WHERE name IN ('Journal', 'Milestones')"));
    }

    [Fact]
    public async Task AnOlderDatabase_KeepsItsJournalRowsAndNumbers_AndNumbersOnFromTheHighest()
    {
        await using var store = await StoreOnFile.OpenAsync("sendworkflow-rowid-");
        var instance = Guid.CreateVersion7(Now);
        await using (var db = await store.Factory.CreateDbContextAsync())
        {
            // Back to the database as it was, with rows in it, numbered with gaps as AUTOINCREMENT may leave them.
            await db.GetService<IMigrator>().MigrateAsync(Before);
            using var old = SqliteFiles.Open(store.File);
            Assert.Contains("AUTOINCREMENT", TableSql(old, "Journal"), StringComparison.Ordinal);
            SqliteFiles.Execute(old, $"""
                INSERT INTO Journal (Id, InstanceId, At, Kind, State, Detail) VALUES
                    (7, x'{Hex(instance)}', '2026-12-01 09:00:00', 'started', 'a', 'First.'),
                    (41, x'{Hex(instance)}', '2026-12-02 09:00:00', 'moved', 'b', 'Second.');
                """);
        }
        await using (var db = await store.Factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            Assert.Equal([(7L, "First."), (41L, "Second.")],
                (await db.Journal.OrderBy(j => j.Id).ToListAsync()).Select(j => (j.Id, j.Detail)));
            var next = Entry(instance, "Third.");
            db.Journal.Add(next);
            await db.SaveChangesAsync();
            Assert.Equal(42L, next.Id);
        }
        using var connection = SqliteFiles.Open(store.File);
        Assert.DoesNotContain("AUTOINCREMENT", TableSql(connection, "Journal"), StringComparison.OrdinalIgnoreCase);
        // The table's index of moves is there after it was made anew and chained (JournalChainTests).
        Assert.Equal(1L, Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE name = '{JournalChain.MovesIndex}'"));
    }

    private static JournalEntry Entry(Guid instance, string detail) =>
        new() { InstanceId = instance, At = Now, Kind = "note", State = "a", Detail = detail, Actor = "test" };

    private static string Hex(Guid id) => Convert.ToHexString(id.ToByteArray(bigEndian: true));

    private static string TableSql(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (string)command.ExecuteScalar()!;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
