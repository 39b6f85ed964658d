using System.Text.Json;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class RaiseTests
{
    [Fact]
    public async Task AnEventNoRuleHoldsFor_Stays_RecordsItsMeasure_AndJournalsTheFacts()
    {
        var world = new EngineWorld().WithShipped("send-pathway");
        var instance = await world.StartAsync("send-pathway");

        var outcome = await world.RaiseAsync(instance.Id, "review.completed", ("progress", "little"));

        Assert.False(outcome.Transitioned);
        Assert.Equal("cause-of-concern", outcome.To);
        var stored = world.Instance(instance.Id);
        Assert.Equal((Progress.Little, 1, 1), (stored.LastProgress, stored.ReviewsInStage, stored.ReviewsWithoutProgress));
        var stayed = world.Store.Journal(instance.Id)[^1];
        Assert.Equal("stayed", stayed.Kind);
        using var data = JsonDocument.Parse(stayed.Data!);
        Assert.Equal((int)Progress.Little, data.RootElement.GetProperty("facts").GetProperty("LastProgress").GetInt32());
        Assert.Equal(6, world.Tasks(instance.Id, WorkTaskStatus.Open).Count);
    }

    [Fact]
    public async Task AnEventWhoseRuleHolds_Transitions_CancellingTheOldStatesWork_AndJournalsTheRule()
    {
        var world = new EngineWorld().WithShipped("send-pathway");
        var instance = await world.StartAsync("send-pathway");

        var outcome = await world.RaiseAsync(instance.Id, "review.completed", ("progress", "good"));

        Assert.True(outcome.Transitioned);
        Assert.Equal(("stage1-good-progress", "closed", InstanceStatus.Closed), (outcome.TransitionId, outcome.To, outcome.Status));
        Assert.All(world.Tasks(instance.Id), t => Assert.Equal(WorkTaskStatus.Cancelled, t.Status));
        Assert.All(world.Timers(instance.Id), t => Assert.Equal(TimerStatus.Cancelled, t.Status));
        var transition = world.Store.Journal(instance.Id).Single(j => j.Kind == "transition");
        using var data = JsonDocument.Parse(transition.Data!);
        Assert.Equal(outcome.Rule, data.RootElement.GetProperty("rule").GetString());
        Assert.Equal((int)Progress.Good, data.RootElement.GetProperty("facts").GetProperty("LastProgress").GetInt32());
        Assert.Equal(["event", "transition", "tasks-cancelled", "timers-cancelled", "closed"],
            world.JournalKinds(instance.Id).Skip(3));
    }

    [Fact]
    public async Task ATransitionIntoANewStage_CreatesItsTasksAndTimers()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");

        await world.RaiseAsync(instance.Id, "check.done", ("level", "none"));

        var stored = world.Instance(instance.Id);
        Assert.Equal(("raised", 2, "escalation", "worse"), (stored.State, stored.Stage, stored.EnteredBy, stored.EnteredVia));
        Assert.Equal("act", Assert.Single(world.Tasks(instance.Id, WorkTaskStatus.Open)).DefinitionTaskId);
        Assert.Empty(world.Timers(instance.Id, TimerStatus.Pending));
    }

    [Fact]
    public async Task ATransitionThatNamesItsEntry_EntersAsItSays()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");

        await world.RaiseAsync(instance.Id, "asked");

        Assert.Equal("asked-for", world.Instance(instance.Id).EnteredBy);
    }

    [Fact]
    public async Task OnThePathway_AnAssessmentRequest_IsEnteredAsARequest_AndStartsTheStatutoryWorkflow()
    {
        var world = new EngineWorld().WithShipped("send-pathway", "ehcp-assessment");
        var instance = await world.StartAsync("send-pathway");

        await world.RaiseAsync(instance.Id, "assessment.requested", ("by", "school"), ("requestedOn", "2026-09-01"));

        var stored = world.Instance(instance.Id);
        Assert.Equal(("statutory-assessment", "request"), (stored.State, stored.EnteredBy));
        var child = Assert.Single(world.Store.Instances(), i => i.ParentInstanceId == instance.Id);
        Assert.Equal(("ehcp-assessment", EngineWorld.Subject), (child.DefinitionId, child.SubjectId));
        Assert.Equal(new DateOnly(2026, 9, 1), Workflows.Calendars.UkTime.DateOfUtc(child.StartedAt));
        Assert.Contains("child-started", world.JournalKinds(instance.Id));
    }

    [Fact]
    public async Task AMeasureThatIsNotALevel_IsNotRecorded()
    {
        var free = new Workflows.Definitions.EventDefinition { Measure = "level", Data = new() { ["level"] = new() } };
        var world = new EngineWorld().With(SmallDefinitions.Watch() with { Events = new() { ["check.done"] = free } });
        var instance = await world.StartAsync("watch");

        await world.RaiseAsync(instance.Id, "check.done", ("level", "2"));
        await world.RaiseAsync(instance.Id, "check.done", ("level", "Unknown"));

        Assert.Equal((Progress.Unknown, 0), (world.Instance(instance.Id).LastProgress, world.Instance(instance.Id).ReviewsInStage));
    }

    [Fact]
    public async Task AnEventTheStateDoesNotHandle_IsRefused_AndChangesNothing()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var before = world.Store.Journal(instance.Id).Count;

        await Assert.ThrowsAsync<EventNotHandledException>(() => world.RaiseAsync(instance.Id, "nothing.like.it"));
        await Assert.ThrowsAsync<EventDataException>(() => world.RaiseAsync(instance.Id, "check.done", ("level", "huge")));

        Assert.Equal(before, world.Store.Journal(instance.Id).Count);
    }
}
