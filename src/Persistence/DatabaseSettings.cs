using Microsoft.Data.Sqlite;
using Npgsql;

namespace SendWorkflow.Persistence;

/// <summary>The databases the service runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>One file, embedded: the default, for one host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several hosts may share it.</summary>
    Postgres,
}

/// <summary>
/// Which database (<c>Database__Provider</c>) and where (<c>ConnectionStrings__SendWorkflow</c>), checked before anything
/// starts, so that a misspelt provider or a connection string meant for the other database stops the host with one line
/// that says what to change.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/sendworkflow.db";

    /// <summary>The WAL's length past which it is rewound (<c>Database__WalLimitMiB</c>).</summary>
    public const int DefaultWalLimitMiB = 96;

    /// <summary>On SQLite: the WAL is rewound once it holds this many MiB, so the file stays near it (a small disk wants less).</summary>
    public int WalLimitMiB { get; init; } = DefaultWalLimitMiB;

    /// <param name="provider">The configured provider name, or null for the default (SQLite).</param>
    /// <param name="connectionString">The configured connection string, or null.</param>
    /// <param name="walLimitMiB">The configured WAL limit in MiB, or null for the default.</param>
    /// <exception cref="DatabaseSettingsException">The provider is unknown, or the connection string is not the provider's.</exception>
    public static DatabaseSettings Parse(string? provider, string? connectionString, string? walLimitMiB = null)
    {
        var which = ProviderOf(provider);
        var walLimit = DefaultWalLimitMiB;
        if (!string.IsNullOrWhiteSpace(walLimitMiB) && (!int.TryParse(walLimitMiB, out walLimit) || walLimit is < 4 or > 65536))
            throw new DatabaseSettingsException($"Database__WalLimitMiB must be a whole number of MiB from 4 to 65536, not '{walLimitMiB}'.");
        if (which == DatabaseProvider.Sqlite)
        {
            try
            {
                _ = new SqliteConnectionStringBuilder(connectionString ?? DefaultSqlite);
            }
            catch (ArgumentException)
            {
                throw new DatabaseSettingsException(
                    "ConnectionStrings__SendWorkflow is not a SQLite connection string (SQLite takes \"Data Source=path/to/file.db\"). "
                    + "For PostgreSQL set Database__Provider=Postgres as well.");
            }
            return new(which, connectionString ?? DefaultSqlite) { WalLimitMiB = walLimit };
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new DatabaseSettingsException(
                "Database__Provider=Postgres needs ConnectionStrings__SendWorkflow, for example "
                + "\"Host=db.example;Port=5432;Database=sendworkflow;Username=sendworkflow;Password=...\".");
        }
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            throw new DatabaseSettingsException(
                "ConnectionStrings__SendWorkflow is not a PostgreSQL connection string (it takes \"Host=...;Database=...;Username=...;"
                + "Password=...\"; \"Data Source=file.db\" is SQLite's, which is Database__Provider=Sqlite).");
        }
        if (string.IsNullOrWhiteSpace(parsed.Host))
            throw new DatabaseSettingsException("ConnectionStrings__SendWorkflow names no PostgreSQL server: add \"Host=...\".");
        return new(which, connectionString);
    }

    private static DatabaseProvider ProviderOf(string? provider) => provider?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new DatabaseSettingsException($"Database__Provider must be Sqlite (the default) or Postgres, not '{provider}'."),
    };

    /// <summary>For messages to an operator: the server and database, never the password.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : new NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"PostgreSQL {b.Host}:{b.Port}/{b.Database}" : "";
}

/// <summary>The database settings cannot work; the message says what to change.</summary>
public sealed class DatabaseSettingsException(string message) : Exception(message);
