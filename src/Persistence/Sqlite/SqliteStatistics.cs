namespace SendWorkflow.Persistence.Sqlite;

/// <summary>The query planner's statistics, which the host refreshes when it starts and each hour (<see cref="WalCheckpointer"/>).</summary>
public static class SqliteStatistics
{
    /// <summary>
    /// Analyses the tables whose statistics are missing or out of date (0x10002: also those never analysed), sampling at
    /// most a few hundred rows of each index: milliseconds, however large the database.
    /// </summary>
    public const string RefreshSql = "PRAGMA analysis_limit=400; PRAGMA optimize=0x10002;";
}
