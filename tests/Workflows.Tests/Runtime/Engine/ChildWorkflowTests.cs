namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class ChildWorkflowTests
{
    private static EngineWorld World() => new EngineWorld().With(SmallDefinitions.Parent()).With(SmallDefinitions.Child());

    [Fact]
    public async Task EnteringAStateThatStartsAWorkflow_StartsIt_ForTheSameSubject_CountingFromTheEventsDate()
    {
        var world = World();
        var parent = await world.StartAsync("parent");

        await world.RaiseAsync(parent.Id, "begin", ("since", "2026-09-02"));

        var child = Assert.Single(world.Store.Instances(), i => i.DefinitionId == "child");
        Assert.Equal((parent.Id, EngineWorld.Subject, "working"), (child.ParentInstanceId, child.SubjectId, child.State));
        Assert.Equal(new DateOnly(2026, 9, 2), UkTime.DateOfUtc(child.StartedAt));
        Assert.Single(world.Tasks(child.Id, WorkTaskStatus.Open));
        Assert.Contains("counting from 2 September 2026", world.Store.Journal(child.Id)[0].Detail);
        Assert.Contains("child-started", world.JournalKinds(parent.Id));
    }

    [Fact]
    public async Task AChildEndingInAStateThatNotifies_MovesTheWaitingParentOn_InTheSameUnitOfWork()
    {
        var world = World();
        var parent = await world.StartAsync("parent");
        await world.RaiseAsync(parent.Id, "begin");
        var child = world.Store.Instances().Single(i => i.DefinitionId == "child");

        await world.RaiseAsync(child.Id, "finish");

        Assert.Equal(("finished", InstanceStatus.Closed), (world.Instance(child.Id).State, world.Instance(child.Id).Status));
        Assert.Equal(("done", InstanceStatus.Closed), (world.Instance(parent.Id).State, world.Instance(parent.Id).Status));
        var transition = world.Store.Journal(parent.Id).Last(j => j.Kind == "transition");
        Assert.Contains("ChildSaidYes", transition.Detail);
    }

    [Fact]
    public async Task AChildWhoseParentHasEnded_OnlyJournalsThatNobodyWaits()
    {
        var world = World();
        var parent = await world.StartAsync("parent");
        await world.RaiseAsync(parent.Id, "begin");
        var child = world.Store.Instances().Single(i => i.DefinitionId == "child");
        await using (var session = await world.Store.OpenAsync(CancellationToken.None))
        {
            var stored = (await session.FindInstanceAsync(parent.Id, CancellationToken.None))!;
            stored.Status = InstanceStatus.Closed;
            stored.ConcurrencyStamp++;
            await session.CommitAsync(CancellationToken.None);
        }

        await world.RaiseAsync(child.Id, "finish");

        Assert.Equal("parent-not-waiting", world.Store.Journal(child.Id)[^1].Kind);
        Assert.Equal("waiting", world.Instance(parent.Id).State);
    }

    [Fact]
    public async Task AWorkflowAlreadyRunningForTheSubject_IsNotStartedAgain()
    {
        var world = World();
        await world.StartAsync("child");
        var parent = await world.StartAsync("parent");

        await world.RaiseAsync(parent.Id, "begin");

        Assert.Single(world.Store.Instances(), i => i.DefinitionId == "child");
        Assert.Contains("already running", world.Store.Journal(parent.Id).Single(j => j.Kind == "child-started").Detail);
    }
}
