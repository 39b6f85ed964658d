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
    public static bool TryFlush(string? databaseFile) => DescriptorOf(databaseFile) is { } fd && fsync(fd) == 0;

    /// <summary>
    /// Has the kernel start writing the file's changed pages to the disk, without waiting for them (<c>sync_file_range</c>):
    /// a sync that follows, SQLite's own in a checkpoint, then waits only for what was written since. Whether a descriptor of
    /// the file was found and the writing begun.
    /// </summary>
    public static bool TryStartWriteback(string? file) => DescriptorOf(file) is { } fd && sync_file_range(fd, 0, 0, SyncFileRangeWrite) == 0;

    private const uint SyncFileRangeWrite = 2;

    private static int? DescriptorOf(string? name)
    {
        if (!OperatingSystem.IsLinux() || name is null) return null;
        var file = Path.GetFullPath(name);
        foreach (var link in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            // A descriptor closed and reused since it was read is synced to no harm.
            if (TargetOf(link) == file && int.TryParse(Path.GetFileName(link), out var fd)) return fd;
        }
        return null;
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

    [DllImport("libc", SetLastError = true)]
    private static extern int sync_file_range(int fd, long offset, long nbytes, uint flags);
}
