namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class CompleteTaskTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CompletingATask_RaisesItsEvent_WithTheOutcomeAsTheMeasure()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var check = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "check");

        var done = await world.Engine.CompleteTaskAsync(new TaskCompletionRequest(check.Id, "none", "no change", "worker-1"), None);

        Assert.Equal(WorkTaskStatus.Completed, done.Task.Status);
        Assert.True(done.Outcome!.Transitioned);
        Assert.Equal("raised", world.Instance(instance.Id).State);
        var completed = world.Store.Journal(instance.Id).Single(j => j.Kind == "task-completed");
        Assert.Contains("with outcome 'none'", completed.Detail);
        var e = world.Store.Journal(instance.Id).Single(j => j.Kind == "event");
        Assert.Contains("level none", e.Detail);
    }

    [Fact]
    public async Task ARepeatingTaskThatDoesNotMoveTheInstanceOn_ComesRoundAgain_WithItsForm()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var check = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "check");

        var done = await world.Engine.CompleteTaskAsync(check.Id, "good", null, "worker-1", None);

        Assert.False(done.Outcome!.Transitioned);
        var next = world.Tasks(instance.Id, WorkTaskStatus.Open).Single(t => t.DefinitionTaskId == "check");
        Assert.NotEqual(check.Id, next.Id);
        Assert.True(next.DueOn > check.DueOn);
        Assert.Equal(("level-check", "boss", "check.done"), (next.Form, next.EscalateTo, next.Raises));
        Assert.Equal((Progress.Good, 1), (world.Instance(instance.Id).LastProgress, world.Instance(instance.Id).ReviewsInStage));
    }

    [Fact]
    public async Task ATaskWhoseOutcomeIsNotTheMeasure_RaisesItsEventWithoutIt()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch(outcomeIsMeasure: false));
        var instance = await world.StartAsync("watch");
        var check = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "check");

        var done = await world.Engine.CompleteTaskAsync(check.Id, "none", null, "worker-1", None);

        Assert.False(done.Outcome!.Transitioned);
        Assert.Equal(Progress.Unknown, world.Instance(instance.Id).LastProgress);
    }

    [Fact]
    public async Task OnThePathway_ATimersReviewTask_GivesItsOutcomeAsProgress()
    {
        var world = new EngineWorld().WithShipped("send-pathway");
        var instance = await world.StartAsync("send-pathway");
        var timer = Assert.Single(world.Timers(instance.Id, TimerStatus.Pending));
        world.Clock.SetUtcNow(new DateTimeOffset(timer.DueAt, TimeSpan.Zero).AddHours(7));
        await world.Engine.FireTimerAsync(timer.Id, None);
        var review = world.Tasks(instance.Id, WorkTaskStatus.Open).Single(t => t.DefinitionTaskId == "early-intervention-review");
        Assert.Equal("review", review.Form);

        var done = await world.Engine.CompleteTaskAsync(review.Id, "little", null, "teacher-1", None);

        Assert.Equal(("stage1-no-progress", "initial-concern"), (done.Outcome!.TransitionId, done.Outcome.To));
        Assert.Equal(Progress.Little, world.Instance(instance.Id).LastProgress);
    }

    [Fact]
    public async Task ATaskCompletedTwice_IsRefused()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var note = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "note");
        await world.Engine.CompleteTaskAsync(note.Id, null, null, "worker-1", None);

        await Assert.ThrowsAsync<TaskNotOpenException>(() => world.Engine.CompleteTaskAsync(note.Id, null, null, "worker-1", None));
    }
}
