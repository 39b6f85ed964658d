using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace SendWorkflow.Host.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run, thrown away after it: Debian's binaries (./test.sh installs the
/// <c>postgresql</c> package when they are missing), <c>initdb</c> in a temp folder, run as the <c>postgres</c> user when
/// the tests run as root (PostgreSQL refuses root), listening on a free loopback port only. One server per test process,
/// started on first use and stopped when the process ends; each test gets a database of its own.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);

    /// <summary>A connection string to a new, empty database on the shared server.</summary>
    public static async Task<string> NewDatabaseAsync(string? name = null)
    {
        var server = await Shared.Value;
        name ??= $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }
        return server.ConnectionString(name);
    }

    /// <summary>The connection string of a database made by <see cref="NewDatabaseAsync"/>, by its name.</summary>
    public static async Task<string> ConnectionStringAsync(string name) => (await Shared.Value).ConnectionString(name);

    private sealed record Server(int Port, string Folder)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Maximum Pool Size=30;Timeout=30;Command Timeout=60";
    }

    private static async Task<Server> StartAsync()
    {
        var bin = BinFolder();
        var folder = Path.Combine(Path.GetTempPath(), $"sendworkflow-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres", folder], asPostgres: false);
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"], asRoot);
        var port = FreePort();
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            + "-c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB";
        var log = Path.Combine(folder, "server.log");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", log, "-w", "-t", "60", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, folder, asRoot);
        return new Server(port, folder);
    }

    private static void Stop(string bin, string data, string folder, bool asRoot)
    {
        try
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // A leftover temp folder is no reason to fail the run.
        }
    }

    private static string BinFolder()
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): ./test.sh installs Debian's postgresql package.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
