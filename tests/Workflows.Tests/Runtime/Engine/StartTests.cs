namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class StartTests
{
    [Fact]
    public async Task Start_OnThePathway_EntersTheFirstStageWithItsTasksTimersAndJournal()
    {
        var world = new EngineWorld().WithShipped("send-pathway");

        var instance = await world.StartAsync("send-pathway");

        var stored = world.Instance(instance.Id);
        Assert.Equal(("cause-of-concern", 1, InstanceStatus.Active, "start"), (stored.State, stored.Stage, stored.Status, stored.EnteredBy));
        Assert.Equal(EngineWorld.Subject, stored.SubjectId);
        var tasks = world.Tasks(instance.Id);
        Assert.Equal(6, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(WorkTaskStatus.Open, t.Status));
        Assert.All(tasks, t => Assert.Equal("senco", t.EscalateTo));
        var timer = Assert.Single(world.Timers(instance.Id, TimerStatus.Pending));
        Assert.Equal("timeframe-review", timer.TimerId);
        Assert.True(timer.DueAt > world.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(["started", "task-created", "timer-started"], world.JournalKinds(instance.Id));
    }

    [Fact]
    public async Task Start_CopiesEachTasksForm()
    {
        var world = new EngineWorld().WithShipped("send-pathway");

        var instance = await world.StartAsync("send-pathway");

        var forms = world.Tasks(instance.Id).ToDictionary(t => t.DefinitionTaskId, t => t.Form);
        Assert.Equal("meeting", forms["progress-meeting-highlights"]);
        Assert.Equal("notes", forms["early-intervention"]);
        Assert.Equal("notes", forms["intervention-letter"]);
    }

    [Fact]
    public async Task Start_Twice_IsRefused_AndAnUnknownSubjectIsNotFound()
    {
        var world = new EngineWorld().WithShipped("send-pathway");
        await world.StartAsync("send-pathway");

        await Assert.ThrowsAsync<AlreadyRunningException>(() => world.StartAsync("send-pathway"));
        await Assert.ThrowsAsync<SubjectNotFoundException>(() => world.StartAsync("send-pathway", "nobody"));
    }
}
