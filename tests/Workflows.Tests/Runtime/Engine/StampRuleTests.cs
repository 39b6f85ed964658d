namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

/// <summary>
/// The rule a unit of work's guard rests on: every operation that adds or closes an instance's task or timer moves the
/// instance's concurrency stamp on, so that a unit which read the instance before it is refused and retried. A store that
/// holds instances' state between units (the README's design of the state in memory) is safe only while this holds; a
/// warning and an assignment only mark a task, under the task's own revision.
/// </summary>
public class StampRuleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EveryOperationThatAddsOrClosesATaskOrTimer_MovesTheInstancesStampOn()
    {
        var world = new EngineWorld().WithShipped("send-pathway").With(SmallDefinitions.Watch());
        var checkedSteps = new List<string>();
        async Task Step(string label, Func<Task> operation)
        {
            var before = Picture(world);
            await operation();
            var after = Picture(world);
            foreach (var (id, was) in before)
            {
                var now = after[id];
                if (now.Open.SetEquals(was.Open) && now.Pending.SetEquals(was.Pending)) continue;
                Assert.True(now.Stamp > was.Stamp, $"{label}: the open tasks or pending timers changed and the stamp stayed at {was.Stamp}");
                checkedSteps.Add(label);
            }
        }

        var pathway = await world.StartAsync("send-pathway");
        await Step("an event that stays", () => world.RaiseAsync(pathway.Id, "review.completed", ("progress", "expected")));
        var timer = world.Timers(pathway.Id, TimerStatus.Pending).OrderBy(t => t.DueAt).First();
        world.Clock.SetUtcNow(new DateTimeOffset(timer.DueAt, TimeSpan.Zero).AddHours(7));
        await Step("a timer fired", () => world.Engine.FireTimerAsync(timer.Id, None));
        var review = world.Tasks(pathway.Id, WorkTaskStatus.Open).Single(t => t.DefinitionTaskId == "early-intervention-review");
        await Step("a task completed (a move)", () => world.Engine.CompleteTaskAsync(review.Id, "little", null, "teacher-1", None));
        await Step("a replan", () => world.Engine.ReplanAsync(pathway.Id, "term dates", "la-1", None));
        await Step("a recheck", () => world.Engine.RecheckTasksAsync(pathway.Id, "year group", "senco-1", None));

        var watch = await world.StartAsync("watch", "subject-1");
        var note = world.Tasks(watch.Id).Single(t => t.DefinitionTaskId == "note");
        var check = world.Tasks(watch.Id).Single(t => t.DefinitionTaskId == "check");
        const string comesRound = "a task completed that stays (it comes round again)";
        await Step(comesRound, () => world.Engine.CompleteTaskAsync(check.Id, "good", null, "w-1", None));
        await Step("a warning", () => world.Engine.WarnManyAsync([note.Id], None));
        var assignment = new TaskAssignment(note.Id, TaskAssignmentKind.Assigned, null, "teacher-1", "Teacher One", "senco-1");
        await Step("an assignment", () => world.Engine.AssignTaskAsync(assignment, None));
        world.GoTo(note.DueOn.AddDays(1));
        await Step("an escalation", () => world.Engine.EscalateAsync(note.Id, None));
        await Step("the late task done", () => world.Engine.CompleteTaskAsync(note.Id, null, null, "teacher-1", None));
        await Step("a close", () => world.Engine.CloseAsync(watch.Id, "Moved away.", "head-1", None));
        await Step("a close of the pathway", () => world.Engine.CloseAsync(pathway.Id, "Moved away.", "head-1", None));

        // The rule was put to the test by each operation that adds or closes work, not only passed by doing nothing.
        Assert.Superset(new HashSet<string>([comesRound, "a timer fired", "a task completed (a move)", "an escalation", "the late task done",
            "a close", "a close of the pathway"]), checkedSteps.ToHashSet());
    }

    private static Dictionary<Guid, (int Stamp, HashSet<Guid> Open, HashSet<Guid> Pending)> Picture(EngineWorld world) =>
        world.Store.Instances().ToDictionary(i => i.Id, i => (i.ConcurrencyStamp,
            world.Tasks(i.Id, WorkTaskStatus.Open).Select(t => t.Id).ToHashSet(),
            world.Timers(i.Id, TimerStatus.Pending).Select(t => t.Id).ToHashSet()));
}
