using Microsoft.Data.Sqlite;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Host;

/// <summary>
/// Runs the host; if it cannot start because the database cannot be written (a full disk, a read-only file or folder,
/// a broken disk), says so in one line an operator can act on and returns a non-zero exit code, instead of dying with
/// an unhandled exception's stack trace. A second host on a SQLite file that one already uses is refused the same way.
/// </summary>
public static class StartupFailure
{
    /// <summary>The exit code when the database cannot be written at start-up.</summary>
    public const int StorageExitCode = 3;

    /// <summary>The exit code when another host already uses the SQLite file.</summary>
    public const int InUseExitCode = 4;

    /// <summary>The exit code when the database settings cannot work (an unknown provider, a connection string for the other one).</summary>
    public const int SettingsExitCode = 5;

    /// <summary>Says why the settings cannot work, in one line, and gives the exit code.</summary>
    public static int Explain(DatabaseSettingsException ex)
    {
        Console.Error.WriteLine($"SendWorkflow cannot start: {ex.Message}");
        return SettingsExitCode;
    }

    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        // Resolved before the run: a host that failed to start has disposed its services.
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        var databaseFile = database.Provider == DatabaseProvider.Sqlite ? database.Describe() : null;
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                app.Services.GetRequiredService<SqliteHostLock>().Acquire();
                // Before anything starts (Quartz writes its own file first): one write, so a read-only file or folder, or a
                // disk with no room at all, is one line here rather than a host that fails half-started. A disk that fills
                // later in start-up (the migration, the seed) still ends below, after the host's own report of it.
                await ProbeWriteAsync(database.ConnectionString);
            }
            await app.RunAsync();
            return 0;
        }
        catch (SqliteHostLock.InUseException inUse)
        {
            await Console.Error.WriteLineAsync($"SendWorkflow cannot start: {inUse.Message}");
            return InUseExitCode;
        }
        catch (Exception ex) when (SqliteStorageErrors.Classify(ex, databaseFile) is { } storage)
        {
            // Straight to stderr: the host's loggers went with its services. The message names the file, not its contents.
            await Console.Error.WriteLineAsync($"SendWorkflow cannot start: {storage.Message}");
            return StorageExitCode;
        }
    }

    /// <summary>Rewrites the database header's user version with its own value: a real write, changing nothing.</summary>
    private static async Task ProbeWriteAsync(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        if (builder.DataSource == ":memory:") return;
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA user_version = {version};";
        await command.ExecuteNonQueryAsync();
    }
}
