namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>Statutory limits, milestones, task conditions and borough values, on the repository's statutory workflows.</summary>
public class StatutoryDefinitionTests
{
    private static WorkflowDefinition Load(string id) =>
        DefinitionJson.Parse(File.ReadAllText(Path.Combine(Repo.Root, "definitions", "workflows", $"{id}.json")));

    private static ValidationReport Validate(WorkflowDefinition d) => DefinitionValidator.Validate(d);

    private static void AssertError(ValidationReport report, string code, string fragment) =>
        Assert.True(report.Errors.Any(e => e.Code == code && e.Message.Contains(fragment)),
            $"expected {code} with '{fragment}', got: " + string.Join("; ", report.Errors.Select(e => $"{e.Code}: {e.Message}")));

    [Theory]
    [InlineData("ehcp-assessment")]
    [InlineData("ehcp-annual-review")]
    public void TheStatutoryWorkflows_AreValidWithoutWarnings(string id)
    {
        var report = Validate(Load(id));
        Assert.True(report.IsValid, string.Join("; ", report.Errors.Select(e => e.Message)));
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void ALimitWithoutItsRegulation_OrWithBothMaxAndMin_IsAnError()
    {
        var d = Load("ehcp-assessment");
        var parameters = new Dictionary<string, ParameterDefinition>(d.Parameters)
        {
            ["finalPlanWeeks"] = d.Parameters["finalPlanWeeks"] with { Law = new StatutoryLimit { Max = 20, Regulation = "" } },
            ["adviceWeeks"] = d.Parameters["adviceWeeks"] with { Law = new StatutoryLimit { Max = 6, Min = 1, Regulation = "reg 8(1)" } },
        };
        var report = Validate(d with { Parameters = parameters });
        AssertError(report, "law-without-regulation", "finalPlanWeeks");
        AssertError(report, "invalid-law", "adviceWeeks");
    }

    [Fact]
    public void ADefaultLooserThanTheLaw_IsAWarningNamingTheRegulation()
    {
        var d = Load("ehcp-assessment");
        var parameters = new Dictionary<string, ParameterDefinition>(d.Parameters)
        {
            ["finalPlanWeeks"] = d.Parameters["finalPlanWeeks"] with { Default = 26 },
        };
        var warning = Assert.Single(Validate(d with { Parameters = parameters }).Warnings);
        Assert.Equal("looser-than-law", warning.Code);
        Assert.Contains("reg 13(2)", warning.Message);
    }

    [Fact]
    public void AMilestoneDatedByAFieldThatIsNotADate_AndATimeframeFromAnUnknownMilestone_AreErrors()
    {
        var d = Load("ehcp-annual-review");
        var events = new Dictionary<string, EventDefinition>(d.Events)
        {
            ["review.decided"] = d.Events["review.decided"] with { Milestone = new MilestoneDefinition { Id = "review-decision",
                Date = "decision" } },
        };
        var states = d.States.Select(s => s.Id != "plan-in-place" ? s : s with
        {
            Timeframe = new When { Months = 12, From = "milestone:review-meting" },
        }).ToList();
        var report = Validate(d with { Events = events, States = states });
        AssertError(report, "milestone-date", "'decision'");
        AssertError(report, "unknown-milestone", "review-meting");
    }

    [Fact]
    public void ATaskConditionThatDoesNotCompile_IsAnErrorOnItsState()
    {
        var d = Load("ehcp-annual-review");
        var states = d.States.Select(s => s.Id != "plan-in-place" ? s : s with
        {
            Tasks = s.Tasks.Select(t => t.Id == "name-secondary-school" ? t with { If = "facts.YearGrop == 6" } : t).ToList(),
        }).ToList();
        var report = Validate(d with { States = states });
        var error = Assert.Single(report.Errors);
        Assert.Equal("plan-in-place", error.TargetId);
        Assert.Contains("The condition of task 'name-secondary-school' of state 'plan-in-place' does not compile", error.Message);
    }

    [Fact]
    public void StartsFromWithoutStartingAWorkflow_IsAnError()
    {
        var d = Repo.Pathway();
        var states = d.States.Select(s => s.Id != "sen-support" ? s : s with { StartsFrom = "requestedOn" }).ToList();
        AssertError(Validate(d with { States = states }), "starts-from-without-starts", "sen-support");
    }

    [Theory]
    [InlineData("next-phase", "name-secondary-school", true)]
    [InlineData("", "name-secondary-school", false)]
    [InlineData("post-16", "name-secondary-school", false)]
    [InlineData("post-16", "name-post16-placement", true)]
    [InlineData("next-phase", "name-post16-placement", false)]
    public void APhaseTransferTask_AppliesToItsTransferOnly(string transfer, string taskId, bool applies)
    {
        var d = CompiledDefinition.Compile(Load("ehcp-annual-review"));
        var state = d.State("plan-in-place");
        var task = state.Tasks.Single(t => t.Id == taskId);
        var conditions = d.TaskConditions(state.Id, new RuleInput(new Facts { YearGroup = 6, Transfer = transfer }, EventData.Empty));
        Assert.Equal(applies, CompiledDefinition.TaskApplies(state.Id, task, conditions));
        Assert.True(CompiledDefinition.TaskApplies(state.Id, state.Tasks.Single(t => t.Id == "hold-review"), conditions));
    }

    [Fact]
    public void WithParameters_ChangesTheValuesRulesSee_AndLeavesTheOriginalAlone()
    {
        var original = CompiledDefinition.Compile(Load("ehcp-assessment"));
        var borough = original.WithParameters(new Dictionary<string, double> { ["commentPeriodDays"] = 20, ["noSuchParameter"] = 1 });

        Assert.Equal(20, borough.Parameter("commentPeriodDays").Amount);
        Assert.Equal(15, original.Parameter("commentPeriodDays").Amount);
        var facts = new Facts { DaysInStage = 17 };
        Assert.True(original.Rules.Evaluate("comments-received", facts, EventData.Empty));
        Assert.False(borough.Rules.Evaluate("comments-received", facts, EventData.Empty));
    }
}
