using SendWorkflow.Host.Studio;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests.Studio;

public sealed class VersionDiffTests
{
    private static readonly WorkflowDefinition Before = Definitions.Chain("diff", 3);

    [Fact]
    public void SameDocument_HasNoDifferences() => Assert.Empty(VersionDiff.Compare(Before, Before with { Version = 2 }));

    [Fact]
    public void AddedState_AndArrowWithARule_AreListed()
    {
        var after = Before with
        {
            States = [.. Before.States, new StateDefinition { Id = "referral", Name = "Speech and language referral" }],
            Transitions = [.. Before.Transitions,
                new TransitionDefinition { Id = "refer", From = "step-2", To = "referral", On = "review.completed",
                Rule = new RuleDefinition { Name = "NoProgress", Expression = "facts.ReviewsWithoutProgress >= 2" } }],
        };
        var lines = VersionDiff.Compare(Before, after);
        Assert.Contains(lines, l => l is { Change: "added", Area: "state" } && l.Text.Contains("Speech and language referral"));
        Assert.Contains(lines, l => l is { Change: "added", Area: "transition" } && l.Text.Contains("step-2 to referral"));
        Assert.Contains(lines, l => l is { Change: "added", Area: "rule" } && l.Text.Contains("facts.ReviewsWithoutProgress >= 2"));
    }

    [Fact]
    public void ChangedRule_TaskTimerAndParameter_AreListed()
    {
        var after = Before with
        {
            Parameters = new() { ["reviewWeeks"] = new ParameterDefinition { Unit = Units.SchoolWeeks, Default = 8 } },
            Transitions = Before.Transitions.Select(t =>
                t.Id == "up-1" ? t with { Rule = t.Rule! with { Expression = "facts.LastProgress == Progress.None" } } : t).ToList(),
            States = Before.States.Select(s => s.Id == "step-1"
                ? s with { Tasks = [], Timers = [new TimerDefinition { Id = "review", Every = new When { Terms = 1 }, Raises = "review.completed" }] }
                : s).ToList(),
        };
        var lines = VersionDiff.Compare(Before, after);
        Assert.Contains(lines, l => l is { Change: "changed", Area: "parameter" } && l.Text.Contains("6 school weeks became 8 school weeks"));
        Assert.Contains(lines, l => l is { Change: "changed", Area: "rule" } && l.Text.Contains("Progress.None"));
        Assert.Contains(lines, l => l is { Change: "removed", Area: "task" } && l.Text.Contains("Review step 1"));
        Assert.Contains(lines, l => l is { Change: "added", Area: "timer" } && l.Text.Contains("every 1 term"));
    }

    [Fact]
    public void Findings_AddedChangedAndRemoved_AreListed()
    {
        var before = Before with
        {
            Findings = new()
            {
                ["kept"] = new FindingDefinition { Label = "Kept", Expression = "facts.ReviewsWithoutProgress >= 2" },
                ["gone"] = new FindingDefinition { Label = "Gone", Expression = "true" },
            },
        };
        var after = Before with
        {
            Findings = new()
            {
                ["kept"] = new FindingDefinition { Label = "Kept", Expression = "facts.ReviewsWithoutProgress >= 3" },
                ["new-one"] = new FindingDefinition { Label = "New one", Expression = "facts.Stage == 2" },
            },
        };

        var lines = VersionDiff.Compare(before, after);

        Assert.Contains(lines, l => l is { Change: "added", Area: "finding" } && l.Text == "Finding New one: facts.Stage == 2.");
        Assert.Contains(lines, l => l is { Change: "removed", Area: "finding" } && l.Text == "Finding Gone.");
        Assert.Contains(lines, l => l is { Change: "changed", Area: "finding" } && l.Text.Contains(">= 2 became facts.ReviewsWithoutProgress >= 3"));
    }

    [Fact]
    public void RemovedState_AndMovedStates_AreListed()
    {
        var after = Before with
        {
            States = Before.States.Where(s => s.Id != "step-3").Select(s => s with { Layout = new Layout(1, 1) }).ToList(),
            Transitions = Before.Transitions.Where(t => t.To != "step-3" && t.From != "step-3").ToList(),
        };
        var lines = VersionDiff.Compare(Before, after);
        Assert.Contains(lines, l => l is { Change: "removed", Area: "state" } && l.Text.Contains("step-3"));
        Assert.Contains(lines, l => l.Text == "2 states were moved on the page.");
    }
}
