namespace SendWorkflow.Host;

/// <summary>
/// SQLite is for one host: a second host on the same file would run the same timers and the deadline round twice.
/// Before the host starts, <see cref="StartupFailure"/> takes an exclusive lock on a file beside the database, held
/// until the host's services are disposed; the kernel releases it when the process ends, however it ends. A second host
/// stops before anything starts, with one line. A folder where the lock file cannot be made is left to the start-up
/// write probe to explain.
/// </summary>
internal sealed class SqliteHostLock(string databaseFile) : IDisposable
{
    private FileStream? _lock;

    public void Acquire()
    {
        if (_lock is not null || databaseFile is ":memory:" or "") return;
        try
        {
            _lock = new FileStream(databaseFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (IsHeldElsewhere(ex))
        {
            throw new InUseException(
                $"another SendWorkflow host is already using {databaseFile} (SQLite is for one host at a time); stop it, or give this "
                + "one its own ConnectionStrings__SendWorkflow.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Read-only or full: the write probe says so next.
        }
    }

    public void Dispose() => _lock?.Dispose();

    // On Linux and macOS .NET takes FileShare.None as flock(LOCK_EX | LOCK_NB), and a held lock comes back with the errno
    // EWOULDBLOCK as the HResult (11 on Linux, 35 on macOS); on Windows it is a sharing violation (Win32 error 32).
    private static bool IsHeldElsewhere(IOException ex) => ex.HResult is 11 or 35 || (ex.HResult & 0xFFFF) == 32;

    public sealed class InUseException(string message) : Exception(message);
}
