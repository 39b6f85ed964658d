using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SendWorkflow.Persistence.Sqlite;
using static SendWorkflow.Persistence.Tests.SqliteFiles;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// The log read through a shared map of its file (<see cref="SqliteFileMap"/>): without a system call a page, and always as the
/// file is now, whoever wrote it last: this process, SQLite's restarts and truncations of the log, or another program.
/// </summary>
public sealed class SqliteFileMapTests : IDisposable
{
    private const string Sqlite3 = "/usr/bin/sqlite3";
    private readonly string _folder = Directory.CreateTempSubdirectory("sendworkflow-walmap-").FullName;

    public SqliteFileMapTests()
    {
        Assert.True(SqliteProcess.WalFramesBuffered, "the file system is registered");
        Assert.SkipUnless(SqliteFileMap.Supported, "the files are mapped on 64-bit Linux only");
    }

    [Fact]
    public void ALogAnotherConnectionWrote_IsReadFromTheMap_NotWithAReadCallAPage()
    {
        Assert.SkipUnless(File.Exists("/proc/thread-self/io"), "a thread's read calls are counted in /proc/thread-self/io");
        var file = Path.Combine(_folder, "reads.db");
        using var writer = Writer(file, rows: 300, pad: "zeroblob(3000)", withValues: false);
        // A reader that reads every one of the table's 300 pages from the log.
        using var reader = Reader(file);

        var calls = ThreadIo("syscr");
        var served = SqliteFileMap.ReadsServed;
        Assert.Equal(300L * 3000, Scalar(reader, "SELECT sum(length(pad)) FROM t"));
        var readCalls = ThreadIo("syscr") - calls;

        // SQLite alone makes a read call for each page (300 and more); through the map, a few for the database file.
        Assert.True(SqliteFileMap.ReadsServed - served >= 300, $"{SqliteFileMap.ReadsServed - served} reads from the map");
        Assert.InRange(readCalls, 0, 30);
    }

    [Fact]
    public void ADatabaseFileTheLogWasCopiedInto_IsReadFromTheMap_NotWithAReadCallAPage()
    {
        Assert.SkipUnless(File.Exists("/proc/thread-self/io"), "a thread's read calls are counted in /proc/thread-self/io");
        var file = Path.Combine(_folder, "copied.db");
        using var writer = Writer(file, rows: 300, pad: "zeroblob(3000)", withValues: false);
        Execute(writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        using var reader = Reader(file);

        var calls = ThreadIo("syscr");
        Assert.Equal(300L * 3000, Scalar(reader, "SELECT sum(length(pad)) FROM t"));
        Assert.InRange(ThreadIo("syscr") - calls, 0, 30);
    }

    [Fact]
    public async Task ADatabaseAnotherProgramVacuumedSmaller_UnderOpenConnections_IsReadAsItIsNow()
    {
        Assert.True(File.Exists(Sqlite3), $"{Sqlite3} is missing: ./test.sh installs Debian's sqlite3 for this test");
        var file = Path.Combine(_folder, "vacuumed.db");
        using var writer = Writer(file, rows: 600, pad: "randomblob(3000)", withValues: true);
        Execute(writer, "PRAGMA wal_checkpoint(TRUNCATE); DELETE FROM t WHERE id > 50; PRAGMA wal_checkpoint(TRUNCATE);");
        using var reader = Reader(file);
        Assert.Equal(50, Scalar(reader, "SELECT sum(v) FROM t"));
        var before = new FileInfo(file).Length;

        // The shell rewrites the database smaller and copies it back: the file is cut below what this process read of it.
        Assert.Equal((0, ""), await Sqlite3Async(file, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);"));
        Assert.True(new FileInfo(file).Length < before / 4, $"the file went from {before} to {new FileInfo(file).Length} bytes");

        Assert.Equal(50, Scalar(reader, "SELECT sum(v) FROM t"));
        Assert.Equal("ok", Text(reader, "PRAGMA integrity_check"));
        Execute(writer, Numbers(600) + "INSERT INTO t SELECT 1000 + i, 2, randomblob(3000) FROM n;");
        Execute(writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        Assert.Equal(1250, Scalar(reader, "SELECT sum(v) FROM t"));
        Assert.Equal("ok", Text(reader, "PRAGMA integrity_check"));
    }

    [Fact]
    public void ALogTruncatedOrRestarted_AndWrittenAgain_IsReadAsTheFileHoldsItNow()
    {
        var file = Path.Combine(_folder, "again.db");
        using var writer = Writer(file, rows: 200, pad: "randomblob(2000)", withValues: true);
        using var reader = Reader(file);
        Assert.Equal(200, Scalar(reader, "SELECT sum(v) FROM t"));

        // Emptied to nothing, then the same places in the file written with other pages.
        Execute(writer, "PRAGMA wal_checkpoint(TRUNCATE);");
        Assert.Equal(0, new FileInfo(file + "-wal").Length);
        Execute(writer, "UPDATE t SET v = 2, pad = randomblob(2000);");
        Assert.Equal(400, Scalar(reader, "SELECT sum(v) FROM t"));

        // Copied back and written again from the log's start, the file's length unchanged.
        Execute(writer, "PRAGMA wal_checkpoint(RESTART);");
        Execute(writer, "UPDATE t SET v = 3, pad = randomblob(2000);");
        Assert.Equal(600, Scalar(reader, "SELECT sum(v) FROM t"));
        Assert.Equal("ok", Text(reader, "PRAGMA integrity_check"));
    }

    [Fact]
    public void ALogDeletedWithTheLastConnection_AndMadeAgain_IsReadFromTheNewFile()
    {
        var file = Path.Combine(_folder, "remade.db");
        using (var first = Open(file))
        {
            Execute(first, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;");
            Execute(first, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER, pad BLOB);");
            Execute(first, Numbers(100) + "INSERT INTO t SELECT i, 1, randomblob(2000) FROM n;");
        }
        Assert.False(File.Exists(file + "-wal"), "the last connection's close deleted the log");

        using var writer = Open(file);
        Execute(writer, "PRAGMA wal_autocheckpoint=0;");
        Execute(writer, "UPDATE t SET v = 5, pad = randomblob(2000);");
        using var reader = Reader(file);
        Assert.Equal(500, Scalar(reader, "SELECT sum(v) FROM t"));
        Assert.Equal("ok", Text(reader, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task ALogAnotherProgramWroteOverWhatThisProcessRead_IsReadAsThatProgramWroteIt()
    {
        Assert.True(File.Exists(Sqlite3), $"{Sqlite3} is missing: ./test.sh installs Debian's sqlite3 for this test");
        var file = Path.Combine(_folder, "shared.db");
        using var writer = Writer(file, rows: 200, pad: "randomblob(2000)", withValues: true);
        using var reader = Reader(file);
        Assert.Equal(200, Scalar(reader, "SELECT sum(v) FROM t"));
        var length = new FileInfo(file + "-wal").Length;

        // The shell copies the log back and writes its update from the log's start: over the bytes this process wrote and
        // read, which the map serves.
        Assert.Equal((0, ""), await Sqlite3Async(file, "PRAGMA wal_checkpoint(RESTART); UPDATE t SET v = 7, pad = randomblob(2000);"));
        Assert.Equal(length, new FileInfo(file + "-wal").Length);

        var served = SqliteFileMap.ReadsServed;
        Assert.Equal(1400, Scalar(reader, "SELECT sum(v) FROM t"));
        Assert.True(SqliteFileMap.ReadsServed > served, "the reads came from the map");
        Assert.Equal("ok", Text(reader, "PRAGMA integrity_check"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }


    // A connection with a page cache of four pages, so that it reads nearly every page from the files.
    private static SqliteConnection Reader(string file)
    {
        var reader = Open(file);
        Execute(reader, "PRAGMA cache_size=4;");
        return reader;
    }

    // A database in WAL mode whose log is never copied back on its own, with a table t of rows numbered from 1, each with
    // the pad given and, if asked, a v of 1.
    private static SqliteConnection Writer(string file, int rows, string pad, bool withValues)
    {
        var writer = Open(file);
        Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;");
        Execute(writer, $"CREATE TABLE t (id INTEGER PRIMARY KEY, {(withValues ? "v INTEGER, " : "")}pad BLOB);");
        Execute(writer, Numbers(rows) + $"INSERT INTO t SELECT i, {(withValues ? "1, " : "")}{pad} FROM n;");
        return writer;
    }

    private static async Task<(int Code, string Output)> Sqlite3Async(string database, string sql)
    {
        var info = new ProcessStartInfo(Sqlite3) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(database);
        info.ArgumentList.Add(sql);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // The checkpoint prints its three counts; only an error matters here.
        return (process.ExitCode, await error);
    }



}
