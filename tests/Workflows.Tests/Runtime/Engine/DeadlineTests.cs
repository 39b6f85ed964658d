using SendWorkflow.Workflows.Stores;
using SendWorkflow.Workflows.Stores.InMemory;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

public class DeadlineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ATaskIsWarnedOnce()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var ids = world.Tasks(instance.Id).Select(t => t.Id).ToList();

        Assert.Equal(3, await world.Engine.WarnManyAsync(ids, None));
        Assert.Equal(0, await world.Engine.WarnManyAsync(ids, None));

        Assert.All(world.Tasks(instance.Id), t => Assert.NotNull(t.WarnedAt));
        Assert.Equal(3, world.Store.Journal(instance.Id).Count(j => j.Kind == "task-warning"));
    }

    [Fact]
    public async Task AnOverdueTask_IsEscalatedOnce_ToTheDefinitionsRole()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var note = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "note");
        world.GoTo(note.DueOn.AddDays(1));

        Assert.True(await world.Engine.EscalateAsync(note.Id, None));
        Assert.False(await world.Engine.EscalateAsync(note.Id, None));

        var escalation = world.Tasks(instance.Id).Single(t => t.EscalationOf == note.Id);
        Assert.Equal(("lead", "escalation", WorkTaskStatus.Open), (escalation.Role, escalation.Kind, escalation.Status));
        Assert.NotNull(escalation.EscalatedAt);
        Assert.NotNull(world.Tasks(instance.Id).Single(t => t.Id == note.Id).EscalatedAt);
        Assert.Single(world.Store.Journal(instance.Id), j => j.Kind == "task-overdue");
    }

    [Fact]
    public async Task DoingTheLateTask_ClosesItsEscalation_AsDone_WithAJournalLine()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var note = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "note");
        var check = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "check");
        world.GoTo(note.DueOn.AddDays(1));
        Assert.True(await world.Engine.EscalateAsync(note.Id, None));
        Assert.True(await world.Engine.EscalateAsync(check.Id, None));
        world.GoTo(note.DueOn.AddDays(3));

        await world.Engine.CompleteTaskAsync(note.Id, null, null, "teacher", None);

        var closed = world.Tasks(instance.Id).Single(t => t.EscalationOf == note.Id);
        Assert.Equal((WorkTaskStatus.Completed, WorkTask.EscalationResolved, "teacher"), (closed.Status, closed.Outcome, closed.CompletedBy));
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, closed.CompletedAt);
        // The other late task's escalation still stands.
        Assert.Equal(WorkTaskStatus.Open, world.Tasks(instance.Id).Single(t => t.EscalationOf == check.Id).Status);
        Assert.Single(world.Store.Journal(instance.Id), j => j.Kind == "task-completed" && j.Detail.Contains("the late task has been done"));
    }

    [Fact]
    public async Task ATasksOwnEscalationRole_OverridesTheDefinitions()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        var check = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "check");

        Assert.True(await world.Engine.EscalateAsync(check.Id, None));

        Assert.Equal("boss", world.Tasks(instance.Id).Single(t => t.EscalationOf == check.Id).Role);
    }

    [Fact]
    public async Task WithNoRoleToEscalateTo_AnOverdueTaskIsOnlyJournaled()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch() with { EscalateTo = null });
        var instance = await world.StartAsync("watch");
        var note = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "note");

        Assert.True(await world.Engine.EscalateAsync(note.Id, None));

        Assert.DoesNotContain(world.Tasks(instance.Id), t => t.EscalationOf is not null);
        Assert.Contains("no role to escalate to", world.Store.Journal(instance.Id)[^1].Detail);
    }

    [Fact]
    public async Task TheRound_WarnsAndEscalatesMoreTasksThanItReadsAtATime_AndAsksNoMoreOnceABatchComesShort()
    {
        // The round reads 500 tasks at a time: 600 watched subjects' notes take a second batch, each day, to warn and then
        // to escalate; a third read would find nothing. The in-memory queries count what the round asks.
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        for (var i = 0; i < 600; i++)
        {
            world.Store.AddSubject(new SubjectPlacement($"watched-{i}", "school-1", EngineWorld.Borough, 5));
            await world.StartAsync("watch", $"watched-{i}");
        }
        var queries = new CountingQueries(new InMemoryTimerQueries(world.Store));
        var sweeper = new DeadlineSweeper(queries, world.Engine, Microsoft.Extensions.Logging.Abstractions.NullLogger<DeadlineSweeper>.Instance);
        var note = world.Store.Instances().SelectMany(i => world.Tasks(i.Id)).First(t => t.DefinitionTaskId == "note");

        world.GoTo(note.WarnOn!.Value);
        Assert.Equal(600, (await sweeper.SweepAsync(world.Today, None)).Warned);
        Assert.Equal((2, 1), (queries.ToWarn, queries.Overdue));

        world.GoTo(note.DueOn.AddDays(1));
        queries.ToWarn = queries.Overdue = 0;
        var escalated = (await sweeper.SweepAsync(world.Today, None)).Escalated;
        Assert.Equal(600, escalated);
        Assert.Equal(2, queries.Overdue);
        Assert.Equal(600, world.Store.Instances().SelectMany(i => world.Tasks(i.Id)).Count(t => t.EscalationOf is not null));
    }

    private sealed class CountingQueries(ITimerQueries inner) : ITimerQueries
    {
        public int ToWarn, Overdue;

        public Task<IReadOnlyList<DueTimer>> DueTimersAsync(DateTime upTo, int max, CancellationToken ct) => inner.DueTimersAsync(upTo, max, ct);

        public Task<DateTime?> NextDueAsync(CancellationToken ct) => inner.NextDueAsync(ct);

        public Task<IReadOnlyList<DueTask>> TasksToWarnAsync(DateOnly today, int max, CancellationToken ct)
        {
            ToWarn++;
            return inner.TasksToWarnAsync(today, max, ct);
        }

        public Task<IReadOnlyList<DueTask>> OverdueTasksAsync(DateOnly today, int max, CancellationToken ct)
        {
            Overdue++;
            return inner.OverdueTasksAsync(today, max, ct);
        }
    }
}
