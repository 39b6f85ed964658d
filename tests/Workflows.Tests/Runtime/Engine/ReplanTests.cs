namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class ReplanTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AfterTheBoroughChangesAParameter_TheDeadlinesThatUseItMove_CountedFromTheSameDay()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var deadline = world.Timers(instance.Id).Single(t => t.TimerId == "deadline");
        var plan = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "plan");
        var pulse = world.Timers(instance.Id).Single(t => t.TimerId == "pulse");
        world.Catalog.SetBoroughParameters(EngineWorld.Borough, "watch", new Dictionary<string, double> { ["watchWeeks"] = 8 });

        Assert.Equal(2, await world.Engine.ReplanAsync(instance.Id, "after the borough's new timelines", "officer-1", None));
        Assert.Equal(0, await world.Engine.ReplanAsync(instance.Id, "again", "officer-1", None));

        Assert.True(world.Timers(instance.Id).Single(t => t.Id == deadline.Id).DueAt > deadline.DueAt);
        Assert.True(world.Tasks(instance.Id).Single(t => t.Id == plan.Id).DueOn > plan.DueOn);
        Assert.Equal(pulse.DueAt, world.Timers(instance.Id).Single(t => t.Id == pulse.Id).DueAt);
        var replanned = Assert.Single(world.Store.Journal(instance.Id), j => j.Kind == "replanned");
        Assert.StartsWith("Re-planned after the borough's new timelines: timer 'deadline' from", replanned.Detail);
        Assert.Equal("officer-1", replanned.Actor);
    }
}
