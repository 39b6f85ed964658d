using SendWorkflow.Host.Tests.Timers;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// The service turns SQLite's memory statistics off before its first connection (SqliteProcess): their one mutex, taken by
/// every allocation of every connection, held the writer up. Only a fresh process shows it: the library refuses the
/// setting once any connection has opened, which in this test process has long happened.
/// </summary>
public sealed class SqliteProcessTests
{
    [Fact]
    public async Task TheService_StartsWithSqlitesMemoryStatisticsOff()
    {
        var folder = Directory.CreateTempSubdirectory("sendworkflow-sqlite-process-").FullName;
        var host = ChildService.Start("host", Path.Combine(folder, "sendworkflow.db"));
        try
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            Assert.Contains(host.Lines, l => l.Contains("SQLite keeps no memory statistics", StringComparison.Ordinal));
            Assert.DoesNotContain(host.Lines, l => l.Contains("SQLite keeps memory statistics", StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
