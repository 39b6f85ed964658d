using SendWorkflow.Host.Tests.Timers;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// The service turns SQLite's memory statistics off before its first connection (SqliteProcess): their one mutex, taken by
/// every allocation of every connection, held the writer up. Only a fresh process shows it: the library refuses the
/// setting once any connection has opened, which in this test process has long happened. It also registers the file
/// system that writes a commit's log frames at once, as the default of the process.
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
            // WalFrameBuffer, the file system that writes a commit's frames to the log at once, is the process's default.
            Assert.Contains(host.Lines, l => l.Contains("SQLite writes each commit's log frames at once", StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>
/// The host's runtime settings carry the thread pool's spin limit of 0 (SendWorkflow.Host.csproj): idle pool threads sleep
/// at once, where their spinning took a core the single writer needed on a small machine. They also choose the server
/// garbage collector, whose collections use both cores (on two cores the simulated year held half a second of pauses
/// rather than 1.3 s, and ran about 6% faster), with no background collections (the young generation may then grow), and
/// no dynamic profile-guided optimisation, whose instrumented tier compiled the hot code once more in a process's first
/// minute, and methods with loops compiled optimised at once rather than twice. A process started from the host's folder
/// (the service, bench, simulate) reads this file.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void TheHostsRuntimeSettings_AreTheOnesMeasured()
    {
        var file = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        var properties = settings.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJitForLoops").GetBoolean());
        Assert.Equal(500, properties.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32());
    }
}
