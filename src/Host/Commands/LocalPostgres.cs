using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// A PostgreSQL server of one's own on this machine, for trying the service on PostgreSQL, the benchmark and the tests:
/// Debian's binaries (package <c>postgresql</c>), <c>initdb</c> in a folder, run as the <c>postgres</c> user when started by
/// root (PostgreSQL refuses root), listening on 127.0.0.1 only, trusting local connections. Not for real pupils' data:
/// with <paramref name="Durable"/> false it runs without fsync, for speed.
/// </summary>
internal sealed record LocalPostgres(string Folder, int Port, bool Durable = true)
{
    public string Data => Path.Combine(Folder, "data");

    public string ConnectionString(string database, int maxPool = 100) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Maximum Pool Size={maxPool};Timeout=30;Command Timeout=60";

    /// <summary>Makes the folder's server (once) and starts it; returns when it accepts connections.</summary>
    public async Task StartAsync()
    {
        var bin = BinFolder();
        Directory.CreateDirectory(Folder);
        if (AsRoot) await RunAsync("chown", ["postgres", Folder], asPostgres: false);
        if (!File.Exists(Path.Combine(Data, "PG_VERSION")))
        {
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"],
                AsRoot);
        }
        var options = $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=128MB"
            + (Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        var log = Path.Combine(Folder, "server.log");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Data, "-o", options, "-l", log, "-w", "-t", "60", "start"], AsRoot);
    }

    /// <summary>Stops the server at once (its data stays in the folder unless <paramref name="delete"/>).</summary>
    public void Stop(bool delete)
    {
        try
        {
            RunAsync(Path.Combine(BinFolder(), "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], AsRoot).GetAwaiter().GetResult();
            if (delete) Directory.Delete(Folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // A server already stopped, or a leftover folder: nothing to do about it here.
        }
    }

    /// <summary>Creates the database if it does not exist yet; returns its connection string.</summary>
    public async Task<string> DatabaseAsync(string name, int maxPool = 100)
    {
        await using (var admin = new Npgsql.NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }
        return ConnectionString(name, maxPool);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool AsRoot => Environment.UserName == "root";

    private static string BinFolder()
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian's postgresql package (./test.sh does).");
    }

    private static async Task RunAsync(string program, string[] args, bool asPostgres)
    {
        // Output to a file, not a pipe: the server pg_ctl starts would hold a pipe open after pg_ctl itself has ended.
        var output = Path.GetTempFileName();
        var start = new ProcessStartInfo("sh") { WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("\"$@\" >\"$OUT\" 2>&1");
        start.ArgumentList.Add("sh");
        if (asPostgres)
        {
            foreach (var a in new[] { "runuser", "-u", "postgres", "--" }) start.ArgumentList.Add(a);
        }
        start.ArgumentList.Add(program);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["OUT"] = output;
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        var said = await File.ReadAllTextAsync(output);
        File.Delete(output);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {said}");
    }
}
