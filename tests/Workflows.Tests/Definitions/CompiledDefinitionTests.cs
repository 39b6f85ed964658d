namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>CompiledDefinition's indexes over the real pathway: transition order, the events each state handles.</summary>
public class CompiledDefinitionTests
{
    private static readonly CompiledDefinition Pathway = Repo.CompiledPathway;

    [Fact]
    public void Compile_ThePathway_KeepsIdVersionAndParameters()
    {
        Assert.Equal("send-pathway", Pathway.Id);
        Assert.Equal(1, Pathway.Version);
        Assert.Equal((6.0, Units.SchoolWeeks), Pathway.Parameter("earlyInterventionWeeks"));
        Assert.Equal((26.0, Units.Weeks), Pathway.Parameter("statutoryHorizonWeeks"));
        Assert.Equal(10, Pathway.Parameters.Count);
    }

    [Fact]
    public void Compile_ThePathway_HasAnNRulesRuleForEveryTransition()
    {
        // A transition without a rule is a rule that always holds, so NRules orders it among the others by priority.
        var transitions = Pathway.Definition.Transitions.Select(t => t.Id).Order(StringComparer.Ordinal);

        Assert.Equal(transitions, Pathway.Rules.RuleNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TransitionsFrom_CauseOfConcernOnReviewCompleted_AreInPriorityOrder() =>
        Assert.Equal(["stage1-no-progress", "stage1-good-progress"],
            Pathway.TransitionsFrom("cause-of-concern", "review.completed").Select(t => t.Id));

    [Fact]
    public void TransitionsFrom_OrdersByPriorityNotByPositionInTheDocument()
    {
        var d = Repo.Pathway();
        var reversed = CompiledDefinition.Compile(d with { Transitions = [.. Enumerable.Reverse(d.Transitions)] });

        Assert.Equal(["stage1-no-progress", "stage1-good-progress"],
            reversed.TransitionsFrom("cause-of-concern", "review.completed").Select(t => t.Id));
        Assert.Equal(["stage3-no-progress", "stage3-good-progress"],
            reversed.TransitionsFrom("sen-support", "review.completed").Select(t => t.Id));
    }

    [Fact]
    public void TransitionsFrom_ChangingPriorities_ChangesTheOrder()
    {
        var swapped = CompiledDefinition.Compile(Repo.Pathway()
            .WithTransition("stage1-no-progress", t => t with { Priority = 5 })
            .WithTransition("stage1-good-progress", t => t with { Priority = -1 }));

        Assert.Equal(["stage1-good-progress", "stage1-no-progress"],
            swapped.TransitionsFrom("cause-of-concern", "review.completed").Select(t => t.Id));
    }

    [Fact]
    public void TransitionsFrom_EqualPriorities_KeepDocumentOrder()
    {
        var equal = CompiledDefinition.Compile(Repo.Pathway()
            .WithTransition("stage1-no-progress", t => t with { Priority = 1 })
            .WithTransition("stage1-good-progress", t => t with { Priority = 1 }));

        Assert.Equal(["stage1-no-progress", "stage1-good-progress"],
            equal.TransitionsFrom("cause-of-concern", "review.completed").Select(t => t.Id));
    }

    [Theory]
    [InlineData("cause-of-concern", "plan.issued")]
    [InlineData("closed", "review.completed")]
    [InlineData("no-such-state", "review.completed")]
    public void TransitionsFrom_NothingLeaves_IsEmpty(string state, string eventName) =>
        Assert.Empty(Pathway.TransitionsFrom(state, eventName));

    [Theory]
    [InlineData("cause-of-concern", "review.completed")]     // transitions, and the timer's review task
    [InlineData("cause-of-concern", "assessment.requested")] // transition
    [InlineData("cause-of-concern", "review.due")]           // raised by the timeframe-review timer
    [InlineData("sen-support", "concern.raised")]            // transition without a rule
    [InlineData("statutory-assessment", "plan.issued")]
    [InlineData("statutory-assessment", "assessment.decided")]
    [InlineData("statutory-assessment", "review.due")]       // horizon-review timer
    [InlineData("ehcp", "plan.ceased")]
    [InlineData("ehcp", "review.completed")]                 // only raised by the repeating target-review task
    public void Handles_EventsOfTransitionsTasksAndTimers_AreHandled(string state, string eventName) =>
        Assert.True(Pathway.Handles(state, eventName), $"{state} should handle {eventName}");

    [Theory]
    [InlineData("cause-of-concern", "plan.issued")]
    [InlineData("cause-of-concern", "concern.raised")]
    [InlineData("statutory-assessment", "review.completed")] // nothing in stage 5 raises it
    [InlineData("closed", "review.completed")]
    [InlineData("closed", "concern.raised")]
    [InlineData("no-such-state", "review.completed")]
    public void Handles_EventsNothingInTheStateRaisesOrListensTo_AreNotHandled(string state, string eventName) =>
        Assert.False(Pathway.Handles(state, eventName), $"{state} should not handle {eventName}");

    [Fact]
    public void Handles_EventRaisedOnlyByATask_IsHandled()
    {
        var d = Repo.Pathway().WithState("statutory-assessment", s => s with
        {
            Tasks = [.. s.Tasks, new TaskDefinition { Id = "evidence-check", Title = "Check", Role = "senco", Raises = "evidence.checked" }],
        });

        Assert.True(CompiledDefinition.Compile(d).Handles("statutory-assessment", "evidence.checked"));
    }

    [Fact]
    public void Handles_EventRaisedOnlyByATimersTask_IsHandled()
    {
        var d = Repo.Pathway().WithState("statutory-assessment", s => s with
        {
            Timers = [s.Timers[0] with { Task = s.Timers[0].Task! with { Raises = "horizon.reviewed" } }],
        });

        Assert.True(CompiledDefinition.Compile(d).Handles("statutory-assessment", "horizon.reviewed"));
    }

    [Fact]
    public void EventsOf_CauseOfConcern_ListsEverythingItHandles() =>
        Assert.Equal(["assessment.requested", "review.completed", "review.due"],
            Pathway.EventsOf("cause-of-concern").Order(StringComparer.Ordinal));

    [Fact]
    public void EventsOf_TerminalState_IsEmpty() => Assert.Empty(Pathway.EventsOf("closed"));

    [Fact]
    public void State_Known_ReturnsIt() => Assert.Equal(1, Pathway.State("cause-of-concern").Stage);

    [Fact]
    public void State_Unknown_ThrowsNamingItAndTheVersion()
    {
        var ex = Assert.Throws<UnknownStateException>(() => Pathway.State("stage-7"));

        Assert.Equal("stage-7", ex.State);
        Assert.Contains("send-pathway version 1", ex.Message);
    }
}
