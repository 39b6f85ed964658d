using Microsoft.Extensions.Logging.Abstractions;
using SendWorkflow.Workflows.Stores.InMemory;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class TimerDispatchTests
{
    [Fact]
    public async Task TheDispatcher_FiresWhatIsDue_InSmallBatches_AndNothingTwice()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var options = new TimerDispatchOptions { Parallelism = 3, BatchSize = 1, PauseBetweenBatches = TimeSpan.Zero };
        var dispatcher = new TimerDispatcher(new InMemoryTimerQueries(world.Store), world.Engine, NullLogger<TimerDispatcher>.Instance, options);
        world.GoTo(new DateOnly(2026, 9, 22));

        var first = await dispatcher.FireDueAsync(world.Clock.GetUtcNow(), CancellationToken.None);
        var second = await dispatcher.FireDueAsync(world.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(2, first.Fired);
        Assert.Equal(0, second.Fired + second.Failed + second.Cancelled);
        Assert.Equal(2, world.Tasks(instance.Id).Count(t => t.DefinitionTaskId == "pulse-task"));
    }

    [Fact]
    public void Options_HaveDocumentedDefaults_AndRefuseNonsense()
    {
        var defaults = TimerDispatchOptions.Default;

        Assert.Equal((2, 256, TimeSpan.FromMilliseconds(20)), (defaults.Parallelism, defaults.BatchSize, defaults.PauseBetweenBatches));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimerDispatchOptions { Parallelism = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimerDispatchOptions { BatchSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimerDispatchOptions { PauseBetweenBatches = TimeSpan.FromSeconds(-1) });
    }
}
