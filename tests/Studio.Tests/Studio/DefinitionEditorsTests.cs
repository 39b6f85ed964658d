using SendWorkflow.Host.Components.Pages.Designer;
using SendWorkflow.Host.Studio;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests.Studio;

/// <summary>
/// The designer's editors give back exactly what they were given: every shipped definition, opened in the designer and
/// passed through the time editor's form and the events editor's renames, saves as the same JSON.
/// </summary>
public sealed class DefinitionEditorsTests
{
    public static TheoryData<string> Shipped() => [.. ShippedFiles()];

    private static List<string> ShippedFiles() =>
        [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "definitions", "workflows"), "*.json").Select(Path.GetFileName).OfType<string>().Order()];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void EveryShippedDefinition_ThroughTheDesignersEditModel_SavesUnchanged(string file)
    {
        var original = DefinitionJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "definitions", "workflows", file)));
        var saved = DefinitionJson.Serialize(original);
        var session = new DesignerSession(original, original.Version, "published", 0);

        // Each time setting as the time editor shows it, then read back from the editor.
        session.ReplaceDocument(MapTimes(session.Document, w => WhenForm.Of(w).ToWhen()));
        // Each event and each field of its data renamed in the events editor, and renamed back.
        foreach (var name in session.Document.Events.Keys.ToList())
        {
            session.ReplaceDocument(DefinitionEdits.RenameEvent(session.Document, name, "renamed.event"));
            session.ReplaceDocument(DefinitionEdits.RenameEvent(session.Document, "renamed.event", name));
            foreach (var field in session.Document.Events[name].Data.Keys.ToList())
            {
                var e = DefinitionEdits.RenameField(session.Document.Events[name], field, "renamedField");
                e = DefinitionEdits.RenameField(e, "renamedField", field);
                session.ReplaceDocument(session.Document with { Events = DefinitionEdits.With(session.Document.Events, name, e) });
            }
        }

        Assert.Equal(saved, DefinitionJson.Serialize(session.Document));
        Assert.Equal(DefinitionJson.ContentHash(original), DefinitionJson.ContentHash(session.Document));
    }

    [Fact]
    public void EveryFormOfTimeTheShippedDefinitionsUse_RoundTripsThroughTheTimeEditor()
    {
        var times = ShippedFiles().SelectMany(file => AllTimes(DefinitionJson.Parse(
            File.ReadAllText(Path.Combine(RepoPaths.Root, "definitions", "workflows", file))))).ToList();
        foreach (var w in times)
        {
            Assert.Equal(DefinitionJson.Serialize(Wrap(w)), DefinitionJson.Serialize(Wrap(WhenForm.Of(w).ToWhen()!)));
        }
        // The forms this issue made editable are there to be checked, not only lengths of time.
        Assert.Contains(times, w => w.Date is not null);
        Assert.Contains(times, w => w.EndOfTerm is not null);
        Assert.Contains(times, w => w.CountsFromStart());
        Assert.Contains(times, w => w.Milestone() is not null);
        Assert.Contains(times, w => w.Param is not null);
        Assert.Contains(times, w => w.Next is not null);
        Assert.Contains(times, w => w.SchoolWeeks is not null);
    }

    [Fact]
    public void AFixedDate_IsSetByDayAndMonth_AndADayNoYearHasIsRefused()
    {
        var form = WhenForm.Of(new When { SchoolWeeks = 6 }).Switch(WhenForm.FixedDate, new WorkflowDefinition());
        Assert.Equal(new When { Date = "09-01" }, form.ToWhen());
        Assert.Equal("02-15", form.OnDay(2, 15).ToWhen()!.Date);
        Assert.Equal("04-30", form.OnDay(4, 31).ToWhen()!.Date);
        Assert.Equal("02-29", form.OnDay(2, 30).ToWhen()!.Date);
        Assert.Equal((2, 15), (WhenForm.Of(new When { Date = "02-15" }).Month, WhenForm.Of(new When { Date = "02-15" }).Day));
    }

    [Fact]
    public void WhatATimeCountsFrom_IsKeptAcrossModes_AndTheStatesEntryIsWrittenAsNothing()
    {
        var d = new WorkflowDefinition
        {
            Events = new() { ["review.meeting-held"] = new EventDefinition { Milestone = new MilestoneDefinition { Id = "review-meeting" } } },
        };
        var form = WhenForm.Of(new When { Weeks = 20 }).CountingFrom("start");
        Assert.Equal(new When { Weeks = 20, From = "start" }, form.ToWhen());
        Assert.Equal(new When { EndOfTerm = "autumn", From = "start" }, form.Switch(WhenForm.TermEnd, d).ToWhen());
        Assert.Equal(new When { Weeks = 20 }, form.CountingFrom(WhenForm.FromState).ToWhen());
        Assert.Contains(WhenForm.FromChoices(d, null), c => c.Value == "milestone:review-meeting");
        Assert.Null(WhenForm.Of(null).ToWhen());
    }

    [Fact]
    public void RenamingAnEvent_KeepsItsPlace_AndCarriesTheNameToArrowsTasksAndTimers()
    {
        var d = Definitions.Chain("rename", 3);
        var state = d.States[0];
        d = d with
        {
            Events = new() { ["first.thing"] = new EventDefinition(), ["review.completed"] = d.Events["review.completed"], ["last.thing"] = new() },
            States = [state with
            {
                Tasks = [state.Tasks[0] with { Raises = "review.completed" }],
                Timers = [new TimerDefinition { Id = "chase", Raises = "review.completed", After = new When { Weeks = 1 },
                    Task = new TaskDefinition { Id = "chase-task", On = "review.completed" } }],
            }, .. d.States.Skip(1)],
        };
        // Three arrows, the state's task, the timer and the timer's task.
        Assert.Equal(6, DefinitionEdits.Uses(d, "review.completed").Count);

        var renamed = DefinitionEdits.RenameEvent(d, "review.completed", "review.done");

        Assert.Equal(["first.thing", "review.done", "last.thing"], renamed.Events.Keys);
        Assert.All(renamed.Transitions, t => Assert.Equal("review.done", t.On));
        Assert.Equal("review.done", renamed.States[0].Tasks[0].Raises);
        Assert.Equal("review.done", renamed.States[0].Timers[0].Raises);
        Assert.Equal("review.done", renamed.States[0].Timers[0].Task!.On);
        Assert.Empty(DefinitionEdits.Uses(renamed, "review.completed"));
        Assert.DoesNotContain(DefinitionValidator.Validate(renamed).Errors, e => e.Message.Contains("review.", StringComparison.Ordinal));
    }

    [Fact]
    public void RenamingAField_CarriesItsNameToTheMeasureAndTheMilestoneDate()
    {
        var e = new EventDefinition
        {
            Measure = "progress",
            Milestone = new MilestoneDefinition { Id = "review", Date = "heldOn" },
            Data = new() { ["progress"] = new FieldDefinition(), ["heldOn"] = new FieldDefinition { Type = "date" } },
        };
        var renamed = DefinitionEdits.RenameField(DefinitionEdits.RenameField(e, "progress", "outcome"), "heldOn", "meetingOn");
        Assert.Equal(["outcome", "meetingOn"], renamed.Data.Keys);
        Assert.Equal("outcome", renamed.Measure);
        Assert.Equal("meetingOn", renamed.Milestone!.Date);
    }

    [Theory]
    [InlineData("review.completed", null)]
    [InlineData("plan-issued", null)]
    [InlineData("Review completed", "lower-case letters")]
    [InlineData("", "lower-case letters")]
    [InlineData("existing.event", "already an event")]
    public void AnEventsName_IsCheckedInPlainWords(string name, string? problem)
    {
        var d = new WorkflowDefinition { Events = new() { ["existing.event"] = new EventDefinition() } };
        var said = DefinitionEdits.EventNameProblem(name, d);
        if (problem is null) Assert.Null(said);
        else Assert.Contains(problem, said, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoicesAndRoles_AreTypedInPlainWords()
    {
        Assert.Equal(["yes", "no"], DefinitionEdits.Choices(" yes, no ,yes,"));
        Assert.Null(DefinitionEdits.Choices("  "));
        Assert.Equal(["senco", "class-teacher"], DefinitionEdits.Roles("SENCo, class teacher"));
        Assert.Contains("letters and digits", DefinitionEdits.FieldNameProblem("1x", new EventDefinition()), StringComparison.Ordinal);
        Assert.Null(DefinitionEdits.FieldNameProblem("decidedOn", new EventDefinition()));
    }

    private static WorkflowDefinition Wrap(When w) => new() { States = [new StateDefinition { Timeframe = w }] };

    private static List<When> AllTimes(WorkflowDefinition d)
    {
        var found = new List<When>();
        MapTimes(d, w => { found.Add(w); return w; });
        return found;
    }

    /// <summary>Every time setting of the definition replaced by what <paramref name="map"/> makes of it.</summary>
    private static WorkflowDefinition MapTimes(WorkflowDefinition d, Func<When, When?> map)
    {
        When? M(When? w) => w is null ? null : map(w);
        TaskDefinition T(TaskDefinition t) => t with { Due = M(t.Due), Warn = M(t.Warn) };
        return d with
        {
            States = d.States.Select(s => s with
            {
                Timeframe = M(s.Timeframe),
                Tasks = s.Tasks.Select(T).ToList(),
                Timers = s.Timers.Select(t => t with { After = M(t.After), Every = M(t.Every), Task = t.Task is null ? null : T(t.Task) }).ToList(),
            }).ToList(),
        };
    }
}
