using SendWorkflow.Workflows.Runtime.Migration;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

/// <summary>
/// Moving an instance of "watch" from version 1 to a version 2 that drops the note, adds an extra task, counts the deadline
/// over 8 school weeks instead of 6 and renames "raised" to "escalated": a dry run writes nothing; a kept state keeps its
/// entry, its pulse timer's day and what was done; a renamed state is entered afresh; a moved-on instance is skipped.
/// </summary>
public sealed class MigrateTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static WorkflowDefinition VersionTwo()
    {
        var v1 = SmallDefinitions.Watch();
        var watching = v1.States[0];
        return v1 with
        {
            Version = 2,
            States =
            [
                watching with
                {
                    Tasks = [.. watching.Tasks.Where(t => t.Id != "note"),
                        new TaskDefinition { Id = "extra", Title = "Do the extra step", Role = "worker", Due = new When { SchoolDays = 3 } }],
                    Timers = watching.Timers.Select(t => t.Id == "deadline" ? t with { After = new When { SchoolWeeks = 8 } } : t).ToList(),
                },
                v1.States[1] with { Id = "escalated", Name = "Escalated" },
                v1.States[2],
            ],
            Transitions = v1.Transitions.Select(t => t with
            {
                From = t.From == "raised" ? "escalated" : t.From, To = t.To == "raised" ? "escalated" : t.To,
            }).ToList(),
        };
    }

    private static readonly Dictionary<string, string> Map = new() { ["watching"] = "watching", ["raised"] = "escalated" };

    private static InstanceMigration Move(Guid id, bool dryRun, string? expected = null) =>
        new(id, new MigrationVersions("watch", 1, 2, Map), expected, "tester", dryRun);

    [Fact]
    public async Task AKeptState_KeepsItsEntryAndWhatWasDone_AndADryRunWritesNothing()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        world.With(VersionTwo());
        var plan = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "plan");
        await world.Engine.CompleteTaskAsync(plan.Id, null, "planned", "tester", None);
        world.GoTo(new DateOnly(2026, 9, 14));
        var pulse = world.Timers(instance.Id, TimerStatus.Pending).Single(t => t.TimerId == "pulse");
        Assert.Equal(TimerOutcome.Fired, await world.Engine.FireTimerAsync(pulse.Id, None));
        world.GoTo(new DateOnly(2026, 9, 16));
        var entered = world.Instance(instance.Id).EnteredStateAt;
        var nextPulse = world.Timers(instance.Id, TimerStatus.Pending).Single(t => t.TimerId == "pulse").DueAt;
        var journal = world.Store.Journal(instance.Id).Count;

        var preview = await world.Engine.MigrateAsync(Move(instance.Id, dryRun: true), None);
        Assert.Equal(MigrationResult.Planned, preview.Result);
        Assert.Equal((1, journal), (world.Instance(instance.Id).Version, world.Store.Journal(instance.Id).Count));
        Assert.Equal(WorkTaskStatus.Open, TaskStatusOf(world, instance.Id, "note"));

        var moved = await world.Engine.MigrateAsync(Move(instance.Id, dryRun: false), None);
        Assert.Equal(MigrationResult.Moved, moved.Result);
        Assert.Equal(preview with { Result = MigrationResult.Moved }, moved, new OutcomeComparer());
        var after = world.Instance(instance.Id);
        Assert.Equal((2, "watching", entered), (after.Version, after.State, after.EnteredStateAt));
        Assert.Equal(WorkTaskStatus.Cancelled, TaskStatusOf(world, instance.Id, "note"));
        Assert.Equal(WorkTaskStatus.Completed, Assert.Single(world.Tasks(instance.Id), t => t.DefinitionTaskId == "plan").Status);
        Assert.Equal(WorkTaskStatus.Open, TaskStatusOf(world, instance.Id, "extra"));
        var pending = world.Timers(instance.Id, TimerStatus.Pending);
        Assert.Equal(nextPulse, pending.Single(t => t.TimerId == "pulse").DueAt);
        // The deadline counts 8 school weeks from the same entry (7 September), not from the move.
        var deadline = pending.Single(t => t.TimerId == "deadline");
        var v2 = await world.Catalog.GetAsync("watch", 2, None);
        Assert.Equal(SchoolTime.Resolve(new When { SchoolWeeks = 8 }, new DateOnly(2026, 9, 7), Repo.DemoCalendar, v2),
            UkTime.DateOfUtc(deadline.DueAt));
        Assert.Single(world.Timers(instance.Id, TimerStatus.Fired), t => t.TimerId == "pulse");
        var line = world.Store.Journal(instance.Id).Single(j => j.Kind == JournalKinds.Migrated);
        Assert.Equal("Moved from version 1 to version 2 by tester: stays in Watching, keeping the time it entered it.", line.Detail);

        var again = await world.Engine.MigrateAsync(Move(instance.Id, dryRun: false), None);
        Assert.Equal((MigrationResult.Skipped, "it runs version 2, not version 1"), (again.Result, again.SkipReason));
    }

    [Fact]
    public async Task AStateRenamedByTheMap_IsEnteredAfresh_AndAnInstanceThatMovedOnIsSkipped()
    {
        var world = new EngineWorld().With(SmallDefinitions.Watch());
        var instance = await world.StartAsync("watch");
        world.With(VersionTwo());
        await world.RaiseAsync(instance.Id, "asked");
        var act = world.Tasks(instance.Id, WorkTaskStatus.Open).Single(t => t.DefinitionTaskId == "act");

        var skipped = await world.Engine.MigrateAsync(Move(instance.Id, dryRun: false, expected: "watching"), None);
        Assert.Equal(MigrationResult.Skipped, skipped.Result);
        Assert.Equal("it moved on from 'watching' to 'raised' since the preview", skipped.SkipReason);
        Assert.Equal(1, world.Instance(instance.Id).Version);

        var moved = await world.Engine.MigrateAsync(Move(instance.Id, dryRun: false, expected: "raised"), None);
        Assert.Equal(("raised", "escalated", false), (moved.StateBefore, moved.StateAfter, moved.StateKept));
        var after = world.Instance(instance.Id);
        Assert.Equal(("escalated", 2, "migration"), (after.State, after.Stage!.Value, after.EnteredBy));
        Assert.Equal(WorkTaskStatus.Cancelled, world.Tasks(instance.Id).Single(t => t.Id == act.Id).Status);
        Assert.Single(world.Tasks(instance.Id, WorkTaskStatus.Open), t => t.DefinitionTaskId == "act" && t.State == "escalated");
        Assert.Contains("Raised becomes Escalated", world.Store.Journal(instance.Id).Single(j => j.Kind == JournalKinds.Migrated).Detail,
            StringComparison.Ordinal);
    }

    private static WorkTaskStatus TaskStatusOf(EngineWorld world, Guid instance, string task) =>
        world.Tasks(instance).Single(t => t.DefinitionTaskId == task).Status;

    /// <summary>A plan and the move it planned list the same states, tasks and timers (new rows have new ids).</summary>
    private sealed class OutcomeComparer : IEqualityComparer<MigrationOutcome>
    {
        public bool Equals(MigrationOutcome? x, MigrationOutcome? y) => x is not null && y is not null
            && (x.StateBefore, x.StateAfter, x.StateKept) == (y.StateBefore, y.StateAfter, y.StateKept)
            && x.TasksCancelled.SequenceEqual(y.TasksCancelled) && x.TasksKept.SequenceEqual(y.TasksKept)
            && x.TasksCreated.SequenceEqual(y.TasksCreated) && x.TimersCancelled.SequenceEqual(y.TimersCancelled)
            && x.TimersKept.SequenceEqual(y.TimersKept) && x.TimersStarted.SequenceEqual(y.TimersStarted);

        public int GetHashCode(MigrationOutcome obj) => obj.StateAfter.GetHashCode(StringComparison.Ordinal);
    }
}
