using SendWorkflow.Workflows.Tests.Runtime.Engine;

namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>What the engine used to know of SEND is definition data: entry names, measures, forms, escalation roles.</summary>
public class DefinitionDataTests
{
    private static WorkflowDefinition Load(string id) =>
        DefinitionJson.Parse(File.ReadAllText(Path.Combine(Repo.Root, "definitions", "workflows", $"{id}.json")));

    public static TheoryData<string> Shipped() => ["send-pathway", "ehcp-assessment", "ehcp-annual-review"];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void EveryShippedTask_NamesAForm_AndTheWorkflowAnEscalationRole(string id)
    {
        var d = Load(id);
        var tasks = d.States.SelectMany(s => s.Tasks.Concat(s.Timers.Select(t => t.Task).OfType<TaskDefinition>())).ToList();

        Assert.NotEmpty(tasks);
        // Which form it is, is the service's to check (tests/Send.Tests): here, that every task names one.
        Assert.All(tasks, t => Assert.False(string.IsNullOrEmpty(t.Form), $"{id}: task '{t.Id}' names no form"));
        Assert.Equal("senco", d.EscalateTo);
    }

    [Fact]
    public void ThePathway_NamesAssessmentRequestsAsRequests_AndMeasuresProgressOnReviews()
    {
        var d = Load("send-pathway");

        Assert.All(d.Transitions,
            t => Assert.Equal(t.On.StartsWith("assessment.requested", StringComparison.Ordinal) ? "request" : null, t.EnteredAs));
        Assert.Equal("progress", d.Events["review.completed"].Measure);
        Assert.Single(d.Events, e => e.Value.Measure is not null);
        // Only review tasks raise the measured event, so each gives its outcome as progress, as before.
        Assert.All(d.States.SelectMany(s => s.Tasks.Concat(s.Timers.Select(t => t.Task).OfType<TaskDefinition>()))
            .Where(t => t.Raises == "review.completed"), t => Assert.Equal(("review", null), (t.Kind, t.OutcomeIsMeasure)));
    }

    [Fact]
    public void BadEntryNamesFormsAndMeasures_AreErrors_AndNoEscalationRoleIsAWarning()
    {
        var d = SmallDefinitions.Watch() with { EscalateTo = null };
        d = d.WithTransition("asked", t => t with { EnteredAs = "Asked For" })
            .WithState("watching", s => s with { Tasks = [.. s.Tasks.Select(t => t.Id == "note" ? t with { Form = "Big Form" } : t)] });
        d = d with { Events = new(d.Events) { ["check.done"] = d.Events["check.done"] with { Measure = "missing" } } };

        var report = DefinitionValidator.Validate(d);

        Assert.Contains(report.Errors, e => e.Code == "invalid-entered-as" && e.TargetId == "asked");
        Assert.Contains(report.Errors, e => e.Code == "invalid-form" && e.Message.Contains("'note'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Code == "unknown-measure" && e.TargetId == "check.done");
        Assert.Contains(report.Warnings, w => w.Code == "no-escalation-role" && w.Message.Contains("'note'", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Warnings, w => w.Code == "no-escalation-role" && w.Message.Contains("'check'", StringComparison.Ordinal));
    }

    [Fact]
    public void TheNewProperties_SurviveARoundTrip()
    {
        var d = SmallDefinitions.Watch(outcomeIsMeasure: false);

        var again = DefinitionJson.Parse(DefinitionJson.Serialize(d));

        Assert.Equal("lead", again.EscalateTo);
        Assert.Equal("asked-for", again.Transitions.Single(t => t.Id == "asked").EnteredAs);
        Assert.Equal("level", again.Events["check.done"].Measure);
        var check = again.States[0].Tasks.Single(t => t.Id == "check");
        Assert.Equal(("level-check", false), (check.Form, check.OutcomeIsMeasure));
    }
}
