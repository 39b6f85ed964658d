using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Per-connection settings, applied once to each physical connection (pooled connections are opened many times).
/// NORMAL sync is safe in WAL mode (a power cut can lose the last commits, never corrupt the file); WAL itself is a
/// property of the file, set once at start-up. Checkpoints run in the background (<see cref="WalCheckpointer"/>), not
/// inside a commit, so an event does not wait for the copy back into the database file; only the rewind of a long log
/// runs between two commits (<see cref="WriterCheckpoints"/>).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for a lock, in milliseconds.</summary>
    public const string BusyTimeoutMs = "30000";

    public const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=" + BusyTimeoutMs
        + "; PRAGMA cache_size=-16000; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0;";

    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        if (connection is SqliteConnection sqlite) Watch(sqlite);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (connection is SqliteConnection sqlite) Watch(sqlite);
    }

    // The log's length told after each commit, and the write lock waited for as the process's commits free it.
    private static void Watch(SqliteConnection connection)
    {
        WalLog.Watch(connection);
        SqliteBusyWait.Install(connection);
    }

    private static bool NeedsPragmas(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return true;
        return Configured.TryAdd(handle, handle);
    }
}
