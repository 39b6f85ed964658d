namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

/// <summary>Ending an instance from outside: its work stops in one unit of work, journaled with the reason, once.</summary>
public class CloseTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Closing_CancelsTheOpenTasksAndTimers_AndJournalsTheReason()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var openTasks = world.Tasks(instance.Id, WorkTaskStatus.Open).Count;
        var pendingTimers = world.Timers(instance.Id, TimerStatus.Pending).Count;
        Assert.True(openTasks > 0 && pendingTimers > 0);

        var closure = await world.Engine.CloseAsync(instance.Id, "Moved away on 20 March 2027.", "head-1", None);

        Assert.Equal(new InstanceClosure(instance.Id, true, openTasks, pendingTimers), closure);
        Assert.Equal((InstanceStatus.Closed, "watching"), (world.Instance(instance.Id).Status, world.Instance(instance.Id).State));
        Assert.Empty(world.Tasks(instance.Id, WorkTaskStatus.Open));
        Assert.Empty(world.Timers(instance.Id, TimerStatus.Pending));
        Assert.Equal(["tasks-cancelled", "timers-cancelled", "closed"], world.JournalKinds(instance.Id).TakeLast(3));
        var closed = world.Store.Journal(instance.Id)[^1];
        Assert.Equal(("Closed in Watching: Moved away on 20 March 2027.", "head-1"), (closed.Detail, closed.Actor));
    }

    [Fact]
    public async Task ClosingAgain_ChangesNothing_AndAClosedInstanceTakesNoEvent()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        await world.Engine.CloseAsync(instance.Id, "Gone.", "head-1", None);
        var journal = world.JournalKinds(instance.Id).Count;

        Assert.Equal(new InstanceClosure(instance.Id, false, 0, 0), await world.Engine.CloseAsync(instance.Id, "Again.", "head-1", None));
        Assert.Equal(journal, world.JournalKinds(instance.Id).Count);
        await Assert.ThrowsAsync<InstanceClosedException>(() => world.RaiseAsync(instance.Id, "asked"));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => world.Engine.CloseAsync(Guid.NewGuid(), "No such.", null, None));
    }
}
