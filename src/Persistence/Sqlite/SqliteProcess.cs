using SQLitePCL;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Settings of the SQLite library for the whole process, which it takes only before its first connection opens
/// (<c>sqlite3_config</c>). <see cref="PersistenceServices.AddSqlitePersistence"/> makes them, before anything can open one.
/// </summary>
public static class SqliteProcess
{
    private static readonly Lazy<bool> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// True when SQLite keeps no count of the memory it allocates. Kept, the count is guarded by one mutex that every
    /// allocation and release of every connection takes: the writer and the engine's readers queued on it (see "Benchmark"
    /// in the README for what turning it off gave). Nothing of the service reads the count. False
    /// when a connection had opened before the service started (the library then refuses the change and keeps counting).
    /// </summary>
    public static bool MemoryStatisticsOff => Configured.Value;

    private static bool Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    }
}
