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
    public async Task AWriteWaitingForTheLock_GoesOnAtTheCommitThatFreesIt()
    {
        // An EF connection's wait (SqliteBusyWait) ends at the process's next commit, which the wal hook tells, rather than
        // at the end of one of SQLite's own sleeps. A wait can also end at its 1 ms poll just before the commit comes: of
        // five waits, at least one is ended by the commit.
        var file = Path.Combine(_folder, "busy.db");
        using var holder = Open(file);
        Execute(holder, "PRAGMA journal_mode=WAL; CREATE TABLE t (x);");
        WalLog.Watch(holder);
        using var waiter = Open(file);
        Execute(waiter, SqlitePragmaInterceptor.Pragmas);
        SqliteBusyWait.Install(waiter);
        var woken = SqliteBusyWait.WokenByCommit;
        for (var i = 0; i < 5; i++)
        {
            Execute(holder, $"BEGIN IMMEDIATE; INSERT INTO t VALUES ('held {i}');");
            var write = Task.Run(() => Execute(waiter, $"INSERT INTO t VALUES ('waited {i}');"));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (SqliteBusyWait.Waiting == 0 && !write.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(1);
            await Task.Delay(20);
            Assert.False(write.IsCompleted, "The write did not wait for the lock.");
            Execute(holder, "COMMIT;");
            await write;
        }
        Assert.True(SqliteBusyWait.WokenByCommit > woken, "No wait was ended by the commit that freed the lock.");
        using var count = holder.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(10L, count.ExecuteScalar());
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
