using SendWorkflow.Host.Commands;

namespace SendWorkflow.Host.Tests.Commands;

/// <summary>The command-line verbs run end to end on small numbers, so they cannot rot between benchmark runs.</summary>
public sealed class CommandSmokeTests
{
    [Fact]
    public async Task Bench_RunsThePathwayOnAFreshFile_WithTheWritersProfile() =>
        Assert.Equal(0, await BenchCommand.RunAsync(["--pupils", "40", "--concurrency", "4", "--warmup", "10", "--profile"]));

    [Fact]
    public async Task BenchTimers_StartsWithPendingTimersAndFiresThem() =>
        Assert.Equal(0, await BenchCommand.RunAsync(["timers", "--count", "400"]));

    [Fact]
    public async Task BenchInbox_PagesTheQueuesOfASchool() =>
        Assert.Equal(0, await BenchCommand.RunAsync(["inbox", "--tasks", "120", "--rounds", "3"]));

    [Fact]
    public async Task Simulate_RunsASmallCohortThroughTheYear_WithTheWritersProfile() =>
        Assert.Equal(0, await SimulateCommand.RunAsync(["--pupils", "30", "--seed", "7", "--profile"]));

    [Fact]
    public async Task Simulate_AYearTheCalendarDoesNotCover_IsAClearError() =>
        Assert.Equal(2, await SimulateCommand.RunAsync(["--pupils", "10", "--year", "2031-32"]));
}
