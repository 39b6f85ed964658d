using System.Runtime.InteropServices;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Writes the database file's pages that the checkpointer has copied back to the disk, from the checkpointer's thread.
/// A PASSIVE checkpoint under load never catches up with the last commit, and SQLite syncs the database file only when one
/// does; the writer's rewind (a RESTART checkpoint) then synced everything copied since the last rewind, 130 ms a rewind
/// over a simulated year while every event waited. The file is synced through a descriptor SQLite already has open on it
/// (found in <c>/proc/self/fd</c>): opening and closing one of our own would drop SQLite's locks on it
/// (<see cref="WalLog"/>). On Linux only; elsewhere the rewind syncs as before.
/// </summary>
internal static class DatabaseFileSync
{
    /// <summary>Whether a descriptor of the file was found and synced.</summary>
    public static bool TryFlush(string? databaseFile)
    {
        if (!OperatingSystem.IsLinux() || databaseFile is null) return false;
        var file = Path.GetFullPath(databaseFile);
        foreach (var link in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            // A descriptor closed and reused since it was read is synced to no harm.
            if (TargetOf(link) == file && int.TryParse(Path.GetFileName(link), out var fd)) return fsync(fd) == 0;
        }
        return false;
    }

    private static string? TargetOf(string link)
    {
        try
        {
            return File.ResolveLinkTarget(link, returnFinalTarget: false)?.FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // closed while it was looked at
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);
}
