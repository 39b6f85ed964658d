namespace SendWorkflow.Host.Commands;

/// <summary>
/// `postgres start|stop [--folder data/postgres] [--port 55432]`: a PostgreSQL server of one's own for trying the service
/// on PostgreSQL (scripts/cluster.sh uses it). `start` makes the server in the folder the first time, starts it on
/// 127.0.0.1, creates the database <c>sendworkflow</c> and prints its connection string as the last line.
/// </summary>
internal static class PostgresCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = Path.GetFullPath(BenchArgs.Text(args, "--folder") ?? Path.Combine("data", "postgres"));
        var server = new LocalPostgres(folder, BenchArgs.Int(args, "--port", 55432));
        switch (args.FirstOrDefault())
        {
            case "start":
                await server.StartAsync();
                Console.WriteLine($"PostgreSQL runs in {folder} on 127.0.0.1:{server.Port}; the service's database:");
                Console.WriteLine(await server.DatabaseAsync("sendworkflow"));
                return 0;
            case "stop":
                server.Stop(delete: false);
                Console.WriteLine($"PostgreSQL in {folder} stopped.");
                return 0;
            default:
                await Console.Error.WriteLineAsync("Usage: postgres start|stop [--folder data/postgres] [--port 55432]");
                return 2;
        }
    }
}
