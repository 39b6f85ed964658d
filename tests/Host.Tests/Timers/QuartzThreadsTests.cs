using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace SendWorkflow.Host.Tests.Timers;

/// <summary>
/// Quartz's database store runs two real threads of its own (the misfire handler and the cluster manager), in the
/// foreground unless told otherwise. The host's lifetime decides when the service ends, so they must not hold a process
/// open after the host has stopped: a CI run once ended "foreground threads were left running" for that.
/// </summary>
public sealed class QuartzThreadsTests
{
    [Fact]
    public async Task TheStoresOwnThreads_RunInTheBackground()
    {
        await using var p = await Pathway.StartAsync(start: null);
        var options = p.Factory.Services.GetRequiredService<IOptionsMonitor<AdoJobStoreOptions>>();
        Assert.True(options.Get("sendworkflow").UseBackgroundThreads);
    }
}
