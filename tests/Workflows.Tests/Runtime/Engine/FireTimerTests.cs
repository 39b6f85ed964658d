namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class FireTimerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ATimerFiresOnce_RaisingItsEvent_AndASecondFiringIsSkipped()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var deadline = world.Timers(instance.Id).Single(t => t.TimerId == "deadline");
        world.Clock.SetUtcNow(new DateTimeOffset(deadline.DueAt, TimeSpan.Zero));

        Assert.Equal(TimerOutcome.Fired, await world.Engine.FireTimerAsync(deadline.Id, None));
        Assert.Equal(TimerOutcome.Skipped, await world.Engine.FireTimerAsync(deadline.Id, None));

        // Its event ended the instance, and leaving the state stops the state's timers, this one included (as the
        // engine always has): it keeps the time it fired at and is never pending again.
        var fired = world.Timers(instance.Id).Single(t => t.Id == deadline.Id);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, fired.FiredAt);
        Assert.NotEqual(TimerStatus.Pending, fired.Status);
        Assert.Equal("closed", world.Instance(instance.Id).State);
        Assert.Single(world.Store.Journal(instance.Id), j => j.Kind == "timer-fired");
    }

    [Fact]
    public async Task ARepeatingTimer_HandsOutItsTask_AndIsSetAgain()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var pulse = world.Timers(instance.Id).Single(t => t.TimerId == "pulse");

        Assert.Equal(TimerOutcome.Fired, await world.Engine.FireTimerAsync(pulse.Id, None));
        Assert.Equal(TimerOutcome.Skipped, await world.Engine.FireTimerAsync(pulse.Id, None));

        Assert.Equal(TimerStatus.Fired, world.Timers(instance.Id).Single(t => t.Id == pulse.Id).Status);
        var task = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "pulse-task");
        Assert.Equal(("pulse", "lead"), (task.Form, task.EscalateTo));
        var again = world.Timers(instance.Id, TimerStatus.Pending).Single(t => t.TimerId == "pulse");
        Assert.True(again.DueAt > pulse.DueAt);
        Assert.Equal(["timer-fired", "task-created", "timer-started"], world.JournalKinds(instance.Id).Skip(3));
    }

    [Fact]
    public async Task ATimerOfAStateTheInstanceHasLeft_IsCancelledAndJournaled_NotFired()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var deadline = world.Timers(instance.Id).Single(t => t.TimerId == "deadline");
        await using (var session = await world.Store.OpenAsync(None))
        {
            // As if the instance had moved on without the timer being stopped with its state.
            var stored = (await session.FindInstanceAsync(instance.Id, None))!;
            stored.State = "raised";
            stored.ConcurrencyStamp++;
            await session.CommitAsync(None);
        }

        Assert.Equal(TimerOutcome.Cancelled, await world.Engine.FireTimerAsync(deadline.Id, None));

        Assert.Equal(TimerStatus.Cancelled, world.Timers(instance.Id).Single(t => t.Id == deadline.Id).Status);
        var cancelled = world.Store.Journal(instance.Id)[^1];
        Assert.Equal(("timer-cancelled", "timer"), (cancelled.Kind, cancelled.Actor));
        Assert.Contains("has left 'watching'", cancelled.Detail);
        Assert.Equal("raised", world.Instance(instance.Id).State);
    }
}
