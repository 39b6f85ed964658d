using Microsoft.Data.Sqlite;
using SendWorkflow.Persistence.Sqlite;
using static SendWorkflow.Persistence.Tests.SqliteFiles;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The log's frames written a commit at a time (<see cref="WalFrameBuffer"/>): in a few system calls, and nothing a reader,
/// a recovery or the committing connection itself needs is ever left in memory.
/// </summary>
public sealed class WalFrameBufferTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sendworkflow-walframes-").FullName;

    public WalFrameBufferTests() => Assert.True(SqliteProcess.WalFramesBuffered, "the file system is registered");

    [Fact]
    public void ACommitOfThreeHundredPages_IsWrittenInAFewCalls_NotTwoAPage()
    {
        Assert.SkipUnless(File.Exists("/proc/thread-self/io"), "a thread's write calls are counted in /proc/thread-self/io");
        using var connection = Open(Path.Combine(_folder, "calls.db"));
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t (x BLOB);");
        Execute(connection, "BEGIN; WITH n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO t SELECT zeroblob(3000) FROM n;");

        // SQLite writes the log on the committing thread, so the thread's own count is the commit's.
        var before = ThreadIo("syscw");
        Execute(connection, "COMMIT;");
        var calls = ThreadIo("syscw") - before;

        Assert.Equal(300, Scalar(connection, "SELECT count(*) FROM t"));
        // About 1.2 MiB of frames in calls of at most 124 KiB: 10 of them, where SQLite alone makes 600 or more.
        Assert.InRange(calls, 1, 30);
    }

    [Fact]
    public void ATransactionThatSpillsAndRewritesItsPages_IsWholeForAReader_AndAfterARecoveryFromTheLog()
    {
        var file = Path.Combine(_folder, "spill.db");
        using var writer = Open(file);
        // A cache of 8 pages spills the transaction's pages to the log before it commits; writing the same pages
        // again then overwrites those frames in place, and the commit rewrites their checksums.
        Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=8;");
        Execute(writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER, pad BLOB);");
        Execute(writer, Numbers(400) + "INSERT INTO t SELECT i, 0, zeroblob(1500) FROM n;");
        using var reader = Open(file);
        Assert.Equal(0, Scalar(reader, "SELECT sum(v) FROM t"));

        Execute(writer, "BEGIN;");
        for (var round = 1; round <= 5; round++) Execute(writer, "UPDATE t SET v = v + 1, pad = zeroblob(1400 + " + round + ");");
        Execute(writer, "COMMIT;");

        Assert.Equal(2000, Scalar(reader, "SELECT sum(v) FROM t"));
        Assert.Equal("ok", Text(reader, "PRAGMA integrity_check"));

        // A copy of the file and its log without the shared memory: opening it recovers the log frame by frame and stops
        // at the first frame whose checksum does not follow, so every commit must be in the file whole.
        var copy = Path.Combine(_folder, "copy.db");
        File.Copy(file + "-wal", copy + "-wal");
        File.Copy(file, copy);
        using var recovered = Open(copy);
        Assert.Equal(2000, Scalar(recovered, "SELECT sum(v) FROM t"));
        Assert.Equal(400 * 1405, Scalar(recovered, "SELECT sum(length(pad)) FROM t"));
        Assert.Equal("ok", Text(recovered, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task ReadersWhileCommitsRun_AlwaysSeeWholeCommits()
    {
        var file = Path.Combine(_folder, "readers.db");
        using var writer = Open(file);
        Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute(writer, "CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER, pad BLOB);");
        Execute(writer, "CREATE TABLE moves (n INTEGER);");
        Execute(writer, Numbers(200) + "INSERT INTO account SELECT i, 100, zeroblob(800) FROM n;");
        using var stop = new CancellationTokenSource();
        using var looking = new CountdownEvent(3);

        // Threads of their own, so that the pool's other work cannot keep a reader from looking while the commits run.
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(() =>
        {
            using var reader = Open(file);
            long looks = 0, lastMoves = 0;
            while (!stop.IsCancellationRequested)
            {
                Execute(reader, "BEGIN;");
                var total = Scalar(reader, "SELECT sum(balance) FROM account");
                var moves = Scalar(reader, "SELECT count(*) FROM moves");
                Execute(reader, "COMMIT;");
                Assert.Equal(20_000, total);
                Assert.True(moves >= lastMoves, $"the moves went back from {lastMoves} to {moves}");
                lastMoves = moves;
                if (looks++ == 0) looking.Signal();
            }
            return looks;
        }, TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(looking.Wait(TimeSpan.FromSeconds(30)), "every reader looks before the commits start");

        for (var move = 0; move < 400; move++)
        {
            var from = 1 + move * 7 % 200;
            var to = 1 + move * 13 % 200;
            Execute(writer, "BEGIN;");
            Execute(writer, $"UPDATE account SET balance = balance - 5, pad = randomblob(800) WHERE id = {from};");
            Execute(writer, $"UPDATE account SET balance = balance + 5, pad = randomblob(800) WHERE id = {to};");
            Execute(writer, $"INSERT INTO moves VALUES ({move});");
            Execute(writer, "COMMIT;");
        }
        await stop.CancelAsync();
        var looked = await Task.WhenAll(readers);

        Assert.All(looked, looks => Assert.True(looks > 1));
        using var after = Open(file);
        Assert.Equal(400, Scalar(after, "SELECT count(*) FROM moves"));
        Assert.Equal("ok", Text(after, "PRAGMA integrity_check"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }




}
