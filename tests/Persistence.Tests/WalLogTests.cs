using Microsoft.Data.Sqlite;
using SendWorkflow.Persistence.Sqlite;
using static SendWorkflow.Persistence.Tests.SqliteFiles;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The log's length as SQLite's wal hook tells it (<see cref="WalLog"/>), and the database file synced through a descriptor
/// SQLite holds (<see cref="DatabaseFileSync"/>): neither opens a file of the database beside SQLite.
/// </summary>
public sealed class WalLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sendworkflow-wallog-").FullName;

    [Fact]
    public void EachCommit_TellsTheLogsLength_AndARewindStartsItAgain()
    {
        var file = Path.Combine(_folder, "log.db");
        using var connection = Open(file);
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t (x TEXT);");
        WalLog.Watch(connection);
        var log = WalLog.Of(file);

        var lengths = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            Execute(connection, $"INSERT INTO t VALUES ('{new string('x', 3000)}');");
            lengths.Add(log.Pages);
        }
        // Each commit appends at least the table's page (and the first page): the log grows by each.
        Assert.True(lengths.Zip(lengths.Skip(1)).All(p => p.Second > p.First), string.Join(", ", lengths));
        Assert.Equal(lengths[^1], WalPagesByCheckpoint(connection));

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        log.Rewound();
        Assert.Equal(0, log.Pages);
        Execute(connection, "INSERT INTO t VALUES ('after');");
        Assert.InRange(log.Pages, 1, lengths[^1] - 1);
    }

    [Fact]
    public void TheDatabaseFile_IsSyncedThroughSqlitesOwnDescriptor_OnlyWhileOneIsOpen()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/self/fd is Linux's");
        var file = Path.Combine(_folder, "sync.db");
        using (var connection = Open(file))
        {
            Execute(connection, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
            Assert.True(DatabaseFileSync.TryFlush(file));
        }
        SqliteConnection.ClearAllPools();
        Assert.False(DatabaseFileSync.TryFlush(file));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // SQLite's own answer: a PASSIVE checkpoint reports the pages in the log (its second column).
    private static long WalPagesByCheckpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(1);
    }
}
