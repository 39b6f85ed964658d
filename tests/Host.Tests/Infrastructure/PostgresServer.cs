using SendWorkflow.Host.Commands;

namespace SendWorkflow.Host.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run, thrown away after it (<see cref="LocalPostgres"/>: Debian's binaries, which
/// ./test.sh installs when they are missing; a temp folder; the <c>postgres</c> user; a free loopback port; no fsync).
/// One server per test process, started on first use and stopped when the process ends; each test gets a database of
/// its own.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<LocalPostgres>> Shared = new(StartAsync);

    /// <summary>A connection string to a database on the shared server (made now if it does not exist), new unless named.</summary>
    public static async Task<string> NewDatabaseAsync(string? name = null) =>
        await (await Shared.Value).DatabaseAsync(name ?? $"t_{Guid.NewGuid():N}", maxPool: 30);

    private static async Task<LocalPostgres> StartAsync()
    {
        // A killed run's server folder is removed by the next run's first use (TestFiles.RemoveEndedServers).
        TestFiles.RemoveEndedServers(Path.GetTempPath());
        var folder = Path.Combine(Path.GetTempPath(), $"{TestFiles.ServerPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var server = new LocalPostgres(folder, LocalPostgres.FreePort(), Durable: false);
        await server.StartAsync();
        // At exit the server is stopped at once, and its folder (hundreds of test databases by then, gigabytes of small
        // files) is deleted by a process of its own that outlives this one: deleted here, it took longer than the test
        // runner waits for a process to end, and a run with every test passed was failed ("foreground threads were left
        // running": the main thread was still in this handler).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.Stop(delete: false);
            TestFiles.RemoveAtExit(folder);
        };
        return server;
    }
}
