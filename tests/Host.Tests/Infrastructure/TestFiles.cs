namespace SendWorkflow.Host.Tests.Infrastructure;

/// <summary>
/// Where the tests' SQLite files and folders go: a folder of this test process's own
/// (<c>sendworkflow-tests/run-PID</c> in the temp folder), removed when the process ends. A run leaves about a thousand
/// databases (some 350 MB); kept, they filled the temp folder by gigabytes a day. A run that was killed cannot remove its
/// folder: the next run removes the folders of runs whose process is gone.
/// </summary>
public static class TestFiles
{
    private const string RunPrefix = "run-";

    private static readonly Lazy<string> RunFolder = new(Create);

    /// <summary>The folder shared by this process's tests (the parent of every path given here).</summary>
    public static string Root => RunFolder.Value;

    /// <summary>A new database file's path (not made: the host makes it).</summary>
    public static string Database() => Path.Combine(Root, $"{Guid.NewGuid():N}.db");

    /// <summary>A new folder's path (not made), its name beginning with <paramref name="prefix"/>.</summary>
    public static string Folder(string prefix = "") => Path.Combine(Root, $"{prefix}{Guid.NewGuid():N}");

    /// <summary>The temp folder's part the tests use, where each run has its folder.</summary>
    public static string Parent { get; } = Path.Combine(Path.GetTempPath(), "sendworkflow-tests");

    private static string Create()
    {
        RemoveEndedRuns(Parent);
        var root = Path.Combine(Parent, $"{RunPrefix}{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAtExit(root);
        return root;
    }

    /// <summary>
    /// Removes the folders in <paramref name="parent"/> of runs whose process has ended, and the files earlier runs left
    /// loose in it an hour or more ago (from before each run had its folder). A folder of a live run stays.
    /// </summary>
    public static int RemoveEndedRuns(string parent)
    {
        if (!Directory.Exists(parent)) return 0;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(parent, RunPrefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)[RunPrefix.Length..], out var pid) || Running(pid)) continue;
            removed += TryRemove(() => Directory.Delete(folder, recursive: true));
        }
        var anHourAgo = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1);
        foreach (var entry in new DirectoryInfo(parent).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith(RunPrefix, StringComparison.Ordinal) || entry.LastWriteTimeUtc > anHourAgo) continue;
            removed += TryRemove(() =>
            {
                if (entry is DirectoryInfo d) d.Delete(recursive: true);
                else entry.Delete();
            });
        }
        return removed;
    }

    /// <summary>The start of the name of each test process's PostgreSQL folder (<see cref="PostgresServer"/>), then its PID.</summary>
    public const string ServerPrefix = "sendworkflow-pg-";

    /// <summary>
    /// Removes the PostgreSQL folders in <paramref name="parent"/> (<see cref="ServerPrefix"/>, the test process's PID, a
    /// dash) of test processes that have ended, whose server is not running either: a killed run stops neither its server
    /// nor the removal of its folder at exit, and each such folder held its databases (tens of MB). A folder whose server
    /// still runs, by its <c>postmaster.pid</c>, stays.
    /// </summary>
    public static int RemoveEndedServers(string parent)
    {
        if (!Directory.Exists(parent)) return 0;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(parent, ServerPrefix + "*"))
        {
            var rest = Path.GetFileName(folder)[ServerPrefix.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(rest[..dash], out var pid) || Running(pid) || ServerRunning(folder)) continue;
            removed += TryRemove(() => Directory.Delete(folder, recursive: true));
        }
        return removed;
    }

    // PostgreSQL's postmaster.pid names the server's process on its first line while the server runs.
    private static bool ServerRunning(string folder)
    {
        var pidFile = Path.Combine(folder, "data", "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && (!int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || Running(pid));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// Removes the folder once this process has ended, by a process of its own: removing hundreds of files here took longer
    /// than the test runner waits for a process to end (see <see cref="PostgresServer"/>).
    /// </summary>
    public static void RemoveAtExit(string folder)
    {
        try
        {
            using var remover = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("rm", ["-rf", folder])
                { UseShellExecute = false });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No rm: the folder stays, and the next run removes it.
        }
    }

    private static bool Running(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int TryRemove(Action remove)
    {
        try
        {
            remove();
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still in use or not ours: left for a later run.
            return 0;
        }
    }
}
