using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Infrastructure;

/// <summary>
/// A suite that runs on both databases: as written on SQLite, and again on PostgreSQL through a class derived from it
/// that overrides <see cref="Provider"/> (<c>...OnPostgres</c>). Its tests start the service with <see cref="StartAsync"/>.
/// </summary>
public abstract class ProviderSuite
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected Task<Pathway> StartAsync(string? start = "2026-10-12", string? databaseFile = null, string? definitionsPath = null,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        Pathway.StartAsync(start, databaseFile, definitionsPath, settings, Provider);

    /// <summary>The security suites' two boroughs with their staff (<see cref="Security.StaffWorld"/>).</summary>
    protected Task<Security.StaffWorld> WorldAsync() => Security.StaffWorld.CreateAsync(Provider);
}
