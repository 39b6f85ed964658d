using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SendWorkflow.Host.Tests.Timers;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// The README's backup of a running service: <c>sqlite3 sendworkflow.db ".backup copy.db"</c>, from another process, while
/// events arrive. The service must live through it and each copy must be whole. It did not: the service read the log's
/// length from the <c>-shm</c> file through a file it opened and closed, which dropped SQLite's locks on that file; the
/// backup's connection then took the shared memory for unused, cut it down, and the service died of SIGBUS.
/// </summary>
public sealed class OnlineBackupTests
{
    private const string Sqlite3 = "/usr/bin/sqlite3";

    [Fact]
    public async Task BackingUpARunningService_WithTheSqlite3Shell_LeavesItRunning_AndEachCopyWhole()
    {
        Assert.True(File.Exists(Sqlite3), $"{Sqlite3} is missing: ./test.sh installs Debian's sqlite3 for this test");
        var folder = Directory.CreateTempSubdirectory("sendworkflow-backup-").FullName;
        var file = Path.Combine(folder, "sendworkflow.db");
        var child = ChildService.Start("backed-up", file);
        var acknowledged = new ConcurrentBag<string>();
        try
        {
            await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var http = child.CreateClient();
            var instances = await ChildApi.StartPupilsAsync(http, 4);
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var marker = $"b-{w}-{i}";
                    using var posted = await ChildApi.PostReviewAsync(http, instances[w], marker);
                    if (posted.StatusCode == HttpStatusCode.OK) acknowledged.Add(marker);
                }
            })).ToList();

            // What keeps another process from taking the shared memory for unused: the service's read lock on its "dead man's
            // switch" byte (128, sqlite.org/walformat.html), held for as long as SQLite has the file open, load or not.
            for (var look = 0; look < 10; look++)
            {
                await Task.Delay(100);
                Assert.True(LocksByteOf(child.ProcessId, file + "-shm", 128), $"look {look}: the service holds no lock on the -shm's byte 128");
            }

            var copies = new List<(string File, int EventsBefore)>();
            for (var b = 0; b < 5; b++)
            {
                await Task.Delay(400);
                var copy = Path.Combine(folder, $"copy-{b}.db");
                var before = acknowledged.Count;
                var (code, said) = await Sqlite3Async(file, $".backup '{copy}'");
                Assert.True(code == 0, $"sqlite3 .backup exited {code}: {said}");
                copies.Add((copy, before));
                await Task.Delay(200);
                child.AssertRunning();
            }
            await stop.CancelAsync();
            await Task.WhenAll(load);

            child.AssertRunning();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/health/ready")).StatusCode);
            Assert.True(acknowledged.Count > 50, $"only {acknowledged.Count} events acknowledged during the backups");
            foreach (var (copy, eventsBefore) in copies)
            {
                Assert.Equal((0, "ok"), await Sqlite3Async(copy, "PRAGMA integrity_check;"));
                using var connection = ChildApi.Open(copy);
                // Every event acknowledged before the backup began is in its copy.
                Assert.True(ChildApi.JournaledMarkers(connection).Count >= eventsBefore, $"{copy} lacks events acknowledged before it");
            }
        }
        finally
        {
            foreach (var l in child.Lines) TestContext.Current.TestOutputHelper?.WriteLine(l);
            await child.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Whether the process holds a POSIX lock on the byte of the file (<c>/proc/locks</c>: pid, device:inode, from, to).</summary>
    private static bool LocksByteOf(int pid, string path, long offset)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var inode = $":{stat.StandardOutput.ReadToEnd().Trim()} ";
        stat.WaitForExit();
        static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/locks").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Any(f =>
            f.Length >= 8 && f[1] == "POSIX" && f[4] == pid.ToString(CultureInfo.InvariantCulture)
            && (f[5] + " ").EndsWith(inode, StringComparison.Ordinal) && Number(f[6]) <= offset && (f[7] == "EOF" || Number(f[7]) >= offset));
    }

    private static async Task<(int Code, string Output)> Sqlite3Async(string database, string command)
    {
        var info = new ProcessStartInfo(Sqlite3) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(database);
        info.ArgumentList.Add(command);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (output + error).Trim());
    }
}
