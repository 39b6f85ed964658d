using Microsoft.Extensions.Logging;
using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// An operator's first start on an empty database is the one they watch: with the levels appsettings.json ships, nothing in
/// it may read as an error (a "fail" line sends them looking for a fault that is not there).
/// </summary>
public sealed class FirstStartLogTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AFirstStartOnAnEmptyDatabase_LogsNoError(DatabaseProvider provider)
    {
        var logs = new CapturedLogs();
        await using var f = new ServiceFactory { Logs = logs, ShippedLogLevels = true, ContentRoot = RepoPaths.Root, Provider = provider };
        using var client = f.CreateClient();
        (await client.GetAsync("/api/clock")).EnsureSuccessStatusCode();

        var errors = logs.Lines.Where(l => l.StartsWith(nameof(LogLevel.Error), StringComparison.Ordinal)
            || l.StartsWith(nameof(LogLevel.Critical), StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
