using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// How long a database's write-ahead log is, in pages: what SQLite tells a connection after each of its commits (the pages
/// in the log then, <c>sqlite3_wal_hook</c>), one count for the connections of the process to the same file, and 0 once the
/// log has been rewound. The writer's connection and EF Core's tell it, keyed by the file's name as SQLite resolved it on
/// opening (<see cref="File"/>). No file of the database is opened beside SQLite for it: closing a file drops every POSIX lock the process holds
/// on it, SQLite's own too. The length used to be read from the <c>-shm</c> file, opened and closed ten times a second, and
/// a <c>sqlite3 ... ".backup"</c> from another process then found the shared memory unused, cut it down under the service,
/// and the service died of SIGBUS (<c>OnlineBackupTests</c>).
/// </summary>
internal sealed class WalLog
{
    private static readonly ConcurrentDictionary<string, WalLog> Files = new(StringComparer.Ordinal);

    // Kept for the life of the process: SQLite calls it through the pointer.
    private static readonly WalHook Hook = Committed;
    private static readonly IntPtr HookPointer = Marshal.GetFunctionPointerForDelegate(Hook);

    private readonly IntPtr _self;
    private long _pages;

    // The handle lives as long as the process, as the count does (one per database file).
    private WalLog(string file)
    {
        File = file;
        _self = GCHandle.ToIntPtr(GCHandle.Alloc(this));
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int WalHook(IntPtr state, IntPtr db, IntPtr schema, int pages);

    /// <summary>The database file's full name.</summary>
    public string File { get; }

    /// <summary>The pages in the log after the last commit the process made to it (0 after a rewind).</summary>
    public long Pages => Interlocked.Read(ref _pages);

    /// <summary>The count of a database file.</summary>
    public static WalLog Of(string databaseFile) => Files.GetOrAdd(Path.GetFullPath(databaseFile), file => new WalLog(file));

    /// <summary>
    /// Has an open connection to a database file tell the file's count after each of its commits. Call it after the
    /// connection's pragmas: <c>wal_autocheckpoint</c> sets SQLite's own hook in its place. Returns the file's count, or null
    /// for a database in memory.
    /// </summary>
    public static WalLog? Watch(SqliteConnection connection)
    {
        var file = connection.DataSource;
        if (connection.Handle is not { } handle || string.IsNullOrEmpty(file) || file.Contains(":memory:", StringComparison.Ordinal)) return null;
        var log = Of(file);
        sqlite3_wal_hook(handle.DangerousGetHandle(), HookPointer, log._self);
        return log;
    }

    /// <summary>The log has been rewound (or emptied): the next commit writes it from its start.</summary>
    public void Rewound() => Interlocked.Exchange(ref _pages, 0);

    private static int Committed(IntPtr state, IntPtr db, IntPtr schema, int pages)
    {
        if (GCHandle.FromIntPtr(state).Target is WalLog log) Interlocked.Exchange(ref log._pages, pages);
        SqliteBusyWait.Committed();
        return 0;
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr sqlite3_wal_hook(IntPtr db, IntPtr callback, IntPtr state);
}
