using SQLitePCL;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Settings of the SQLite library for the whole process, which it takes only before its first connection opens
/// (<c>sqlite3_config</c>). <see cref="PersistenceServices.AddSqlitePersistence"/> makes them, before anything can open one.
/// </summary>
public static class SqliteProcess
{
    private static readonly Lazy<(bool MemoryStatisticsOff, bool WalFramesBuffered)> Configured =
        new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// True when SQLite keeps no count of the memory it allocates. Kept, the count is guarded by one mutex that every
    /// allocation and release of every connection takes: the writer and the engine's readers queued on it (see
    /// docs/benchmark-log.md, 1 December 2026, for what turning it off gave). Nothing of the service reads the count. False
    /// when a connection had opened before the service started (the library then refuses the change and keeps counting).
    /// </summary>
    public static bool MemoryStatisticsOff => Configured.Value.MemoryStatisticsOff;

    /// <summary>
    /// True when the process's default SQLite file system writes a commit's frames to the log at once
    /// (<see cref="WalFrameBuffer"/>). Connections opened before it was registered write as SQLite alone does.
    /// </summary>
    public static bool WalFramesBuffered => Configured.Value.WalFramesBuffered;

    private static (bool, bool) Configure()
    {
        Batteries_V2.Init();
        var off = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
        var buffered = WalFrameBuffer.Register();
        return (off, buffered);
    }
}
