using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// How a connection of EF Core waits for the database's write lock while another connection of the process holds it
/// (nearly always the single writer, <see cref="SqliteWorkflowWriter"/>): it tries again as soon as a commit of the
/// process's connections lets the lock go (<see cref="WalLog"/> tells of each), and otherwise every millisecond, up
/// to <see cref="SqlitePragmaInterceptor.BusyTimeoutMs"/> in all. SQLite's own handler (<c>busy_timeout</c>) sleeps 1,
/// 2, 5, 10 and on up to 100 ms between its tries and knows nothing of the commits: a write that came while the writer
/// held the lock woke on average several milliseconds after the lock was free, and the simulated clock's save after the
/// night's timers (waiting behind the day's bulk completions) spent 0.65 s of the 10,000-pupil year so.
/// </summary>
internal static class SqliteBusyWait
{
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(int.Parse(SqlitePragmaInterceptor.BusyTimeoutMs,
        System.Globalization.CultureInfo.InvariantCulture));

    // Between two tries when no commit of the process wakes it: another process's commit, or a rollback, frees the lock unseen.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);

    private static readonly object Gate = new();
    private static long _commits;
    private static int _waiting;
    private static long _woken;

    // Kept for the life of the process: SQLite calls it through the pointer.
    private static readonly BusyHandler Handler = Busy;
    private static readonly IntPtr HandlerPointer = Marshal.GetFunctionPointerForDelegate(Handler);

    // When the present wait for the lock began, on the thread whose statement waits (one statement at a time each).
    [ThreadStatic]
    private static long t_since;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyHandler(IntPtr state, int count);

    /// <summary>Has an open connection wait so for the lock; call it after its pragmas, whose <c>busy_timeout</c> it replaces.</summary>
    public static void Install(SqliteConnection connection)
    {
        if (connection.Handle is { } handle) _ = sqlite3_busy_handler(handle.DangerousGetHandle(), HandlerPointer, IntPtr.Zero);
    }

    /// <summary>Connections waiting for the lock now.</summary>
    internal static int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for the lock that a commit of the process ended, rather than the poll.</summary>
    internal static long WokenByCommit => Interlocked.Read(ref _woken);

    /// <summary>A connection of the process has committed, and let the write lock go.</summary>
    public static void Committed()
    {
        Interlocked.Increment(ref _commits);
        if (Volatile.Read(ref _waiting) == 0) return;
        lock (Gate) Monitor.PulseAll(Gate);
    }

    // SQLite's busy handler: non-zero to try again, 0 to give up (the statement then fails with SQLITE_BUSY).
    private static int Busy(IntPtr state, int count)
    {
        var seen = Interlocked.Read(ref _commits);
        var now = Stopwatch.GetTimestamp();
        if (count == 0) t_since = now;
        if (Stopwatch.GetElapsedTime(t_since, now) >= Limit) return 0;
        Interlocked.Increment(ref _waiting);
        try
        {
            lock (Gate)
            {
                if (Interlocked.Read(ref _commits) == seen && Monitor.Wait(Gate, Poll)) Interlocked.Increment(ref _woken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        return 1;
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr db, IntPtr handler, IntPtr state);
}
