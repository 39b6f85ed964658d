using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

/// <summary>
/// A timer that chases a task only while it is open (<c>whileOpen</c>), and a task handed out by an event of its state
/// (<c>on</c>) when its condition holds on the event's data or the subject's facts.
/// </summary>
public class ChaseAndOnEventTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>
    /// waiting: a report due in 14 days, chased on day 15 by a call for the boss while it is open; a notice whose event
    /// (notice.sent, outcome yes or no) hands the boss a visit when the answer is yes or the subject is looked after.
    /// </summary>
    private static WorkflowDefinition Errand() => DefinitionJson.Parse("""
        {
          "id": "errand", "version": 1, "name": "Errand", "escalateTo": "boss",
          "initialState": "waiting",
          "states": [
            { "id": "waiting", "name": "Waiting",
              "tasks": [
                { "id": "report", "title": "Send the report", "role": "worker", "due": { "days": 14 } },
                { "id": "notice", "title": "Send the notice", "role": "worker", "raises": "notice.sent" },
                { "id": "visit", "title": "Visit", "role": "boss", "on": "notice.sent",
                  "if": "facts.LookedAfter || data.Text(\"outcome\") == \"yes\"", "due": { "days": 20 } }
              ],
              "timers": [
                { "id": "chase", "after": { "days": 15 }, "whileOpen": "report",
                  "task": { "id": "ring", "title": "Ring about the report", "role": "boss", "due": { "days": 3 } } }
              ] }
          ],
          "transitions": [],
          "events": { "notice.sent": { "data": { "outcome": { "type": "text", "enum": ["yes", "no"] } } } }
        }
        """);

    [Fact]
    public async Task AChasingTimer_HandsOutItsTask_OnlyWhileTheTaskItChasesIsOpen()
    {
        var world = new EngineWorld().With(Errand());
        var late = await world.StartAsync("errand");
        world.Store.AddSubject(new SubjectPlacement("subject-2", "school-1", EngineWorld.Borough, 5));
        var onTime = await world.StartAsync("errand", "subject-2");
        var report = world.Tasks(onTime.Id).Single(t => t.DefinitionTaskId == "report");
        await world.Engine.CompleteTaskAsync(report.Id, null, "sent", "tester", None);

        foreach (var instance in new[] { late, onTime })
        {
            var chase = world.Timers(instance.Id).Single(t => t.TimerId == "chase");
            world.Clock.SetUtcNow(new DateTimeOffset(chase.DueAt, TimeSpan.Zero));
            Assert.Equal(TimerOutcome.Fired, await world.Engine.FireTimerAsync(chase.Id, None));
        }

        var ring = world.Tasks(late.Id).Single(t => t.DefinitionTaskId == "ring");
        Assert.Equal(("boss", world.Today.AddDays(3)), (ring.Role, ring.DueOn));
        Assert.DoesNotContain(world.Tasks(onTime.Id), t => t.DefinitionTaskId == "ring");
        Assert.Contains(world.Store.Journal(onTime.Id), j => j.Detail.Contains("handed out no 'Ring about the report'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATaskOnAnEvent_IsHandedOutWhenTheEventArrives_AndItsConditionHolds_OnTheDataOrTheFacts()
    {
        var world = new EngineWorld().With(Errand());
        world.Store.AddSubject(new SubjectPlacement("cared", "school-1", EngineWorld.Borough, 5, LookedAfter: true));
        var yes = await world.StartAsync("errand");
        Assert.DoesNotContain(world.Tasks(yes.Id), t => t.DefinitionTaskId == "visit");
        var no = await world.StartAsync("errand", "cared");

        world.Store.AddSubject(new SubjectPlacement("plain", "school-1", EngineWorld.Borough, 5));
        var plain = await world.StartAsync("errand", "plain");
        foreach (var (instance, outcome) in new[] { (yes, "yes"), (no, "no"), (plain, "no") })
        {
            var notice = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "notice");
            var done = await world.Engine.CompleteTaskAsync(notice.Id, outcome, null, "tester", None);
            Assert.False(done.Outcome!.Transitioned);
        }

        var visit = world.Tasks(yes.Id).Single(t => t.DefinitionTaskId == "visit");
        Assert.Equal(("boss", world.Today.AddDays(20), WorkTaskStatus.Open), (visit.Role, visit.DueOn, visit.Status));
        Assert.Single(world.Tasks(no.Id), t => t.DefinitionTaskId == "visit");
        Assert.DoesNotContain(world.Tasks(plain.Id), t => t.DefinitionTaskId == "visit");
    }

    [Fact]
    public void AChaseOfATaskTheStateHasNot_AndATaskOnAnUndeclaredEvent_AreRefused()
    {
        var d = Errand();
        var state = d.States[0];
        var broken = d with
        {
            States =
            [
                state with
                {
                    Tasks = [.. state.Tasks.Select(t => t.Id == "visit" ? t with { On = "notice.lost" } : t)],
                    Timers = [state.Timers[0] with { WhileOpen = "reprot" }],
                },
            ],
        };

        var errors = DefinitionValidator.Validate(broken).Errors;

        Assert.Contains(errors, e => e.Code == "unknown-task" && e.Message.Contains("'reprot'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == "unknown-event" && e.Message.Contains("'notice.lost'", StringComparison.Ordinal));
    }
}
