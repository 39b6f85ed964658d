using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Infrastructure;

/// <summary>
/// The real host on a real SQLite file in a temp folder (or, with <see cref="Provider"/> Postgres, a database of its own on the
/// test run's PostgreSQL server), with the simulated clock. Its clients carry the bootstrap
/// administrator token unless a test asks for an anonymous one.
/// </summary>
public sealed class ServiceFactory(string? start = "2026-10-12", string? databaseFile = null, string? definitionsPath = null, bool demo = false)
    : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-bootstrap-token-0123456789";

    private string? _database = databaseFile;

    /// <summary>The database: SQLite's file, or the PostgreSQL database's name. Give it to a second factory to restart on it.</summary>
    public string DatabaseFile => _database ??= Provider == DatabaseProvider.Postgres
        ? $"t_{Guid.NewGuid():N}"
        : TestFiles.Database();

    /// <summary>On PostgreSQL a test's file path names a database: the same path, the same database.</summary>
    private string PostgresName => DatabaseFile.Contains('/', StringComparison.Ordinal)
        ? "t_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DatabaseFile)))[..32]
        : DatabaseFile;

    /// <summary>The database the host runs on.</summary>
    public DatabaseProvider Provider { get; init; }

    /// <summary>
    /// Settings over the defaults. Sign-in limits are lifted unless a test sets them: tests sign many users in from one
    /// address within seconds, which the real limits are there to stop.
    /// </summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>When set, every log line of the service goes here too, at every level.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>With <see cref="Logs"/>: capture only what the shipped appsettings.json's levels let through.</summary>
    public bool ShippedLogLevels { get; init; }

    /// <summary>Where the host thinks it was started (its current folder when run with <c>dotnet run</c>).</summary>
    public string? ContentRoot { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:SendWorkflow", PostgresServer.NewDatabaseAsync(PostgresName).GetAwaiter().GetResult());
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
            builder.UseSetting("ConnectionStrings:SendWorkflow", $"Data Source={DatabaseFile}");
        }
        builder.UseSetting("Clock:Mode", start is null ? "System" : "Simulated");
        if (start is not null) builder.UseSetting("Clock:Start", start);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        if (definitionsPath is not null) builder.UseSetting("Definitions:Path", definitionsPath);
        builder.UseSetting("SENDWF_API_TOKEN", AdminToken);
        builder.UseSetting("RateLimits:SignInPerAccountPerMinute", "1000");
        builder.UseSetting("RateLimits:SignInPerAddressPerMinute", "1000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (ContentRoot is { } root) builder.UseContentRoot(root);
        if (Logs is { } shipped && ShippedLogLevels)
        {
            builder.ConfigureLogging(l => l.AddProvider(shipped));
        }
        else if (Logs is { } logs)
        {
            // Everything, framework included: request paths, SQL commands, Identity's own messages.
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore",
                "Microsoft.Hosting.Lifetime" })
            {
                builder.UseSetting($"Logging:LogLevel:{category}", "Trace");
            }
            builder.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, TestHostLifetime>());
    }

    /// <summary>
    /// A test host listens to no console signals and does not hold the process at exit. The default, ConsoleLifetime,
    /// registers a process-exit handler that waits until its host is disposed, so one test host left undisposed (a failed
    /// start, a factory never given back) would keep the whole test run from ending.
    /// </summary>
    private sealed class TestHostLifetime : Microsoft.Extensions.Hosting.IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
    }

    /// <summary>A client that presents no credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }
}
