namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>The pathway's transition rules, compiled from the real document and evaluated against facts and data.</summary>
public class PathwayRuleTests
{
    private static readonly CompiledDefinition Pathway = Repo.CompiledPathway;

    private static EventData Data(params (string Key, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    private static Facts Stage1(double schoolWeeks, Progress progress) => new()
    {
        Event = "review.completed",
        State = "cause-of-concern",
        Stage = 1,
        SchoolDaysInStage = (int)(schoolWeeks * 5),
        SchoolWeeksInStage = schoolWeeks,
        LastProgress = progress,
        ReviewsInStage = 1,
        ReviewsWithoutProgress = progress is Progress.None or Progress.Little ? 1 : 0,
        EnteredBy = "start",
    };

    private static bool Holds(string transition, Facts facts, EventData? data = null) =>
        Pathway.Rules.Evaluate(transition, facts, data ?? EventData.Empty);

    /// <summary>The transition NRules chooses, as the engine asks it.</summary>
    private static string? FirstThatHolds(string state, string eventName, Facts facts, EventData data) =>
        Pathway.Choose(state, eventName, new RuleInput(facts, data)).Taken?.Id;

    [Theory]
    [InlineData(Progress.Little)]
    [InlineData(Progress.None)]
    public void Stage1NoProgress_AfterSixSchoolWeeksWithNoOrLittleProgress_Holds(Progress progress) =>
        Assert.True(Holds("stage1-no-progress", Stage1(6, progress), Data(("progress", "little"))));

    [Fact]
    public void Stage1NoProgress_AfterMoreThanSixSchoolWeeks_Holds() =>
        Assert.True(Holds("stage1-no-progress", Stage1(8.4, Progress.Little)));

    [Theory]
    [InlineData(5.8)]
    [InlineData(3)]
    [InlineData(0)]
    public void Stage1NoProgress_BeforeSixSchoolWeeks_DoesNotHold(double schoolWeeks) =>
        Assert.False(Holds("stage1-no-progress", Stage1(schoolWeeks, Progress.Little)));

    [Theory]
    [InlineData(Progress.Expected)]
    [InlineData(Progress.Good)]
    [InlineData(Progress.Unknown)]
    public void Stage1NoProgress_WithExpectedOrGoodProgress_DoesNotHold(Progress progress) =>
        Assert.False(Holds("stage1-no-progress", Stage1(6, progress)));

    [Fact]
    public void Stage1NoProgress_WithFactsBuiltFromTheCalendar_HoldsOnThirtyNovemberNotBefore()
    {
        var instance = new WorkflowInstance
        {
            State = "cause-of-concern",
            Stage = 1,
            EnteredStateAt = UkTime.StartOf(new DateOnly(2026, 10, 12)).UtcDateTime,
            LastProgress = Progress.Little,
        };
        Facts On(int year, int month, int day) =>
            FactsBuilder.Build(instance, 4, "review.completed", UkTime.StartOf(new DateOnly(year, month, day)).AddHours(15), Repo.DemoCalendar);

        // Six calendar weeks (23 November) is not six school weeks: half term doesn't count.
        Assert.False(Holds("stage1-no-progress", On(2026, 11, 23)));
        Assert.False(Holds("stage1-no-progress", On(2026, 11, 27)));
        Assert.True(Holds("stage1-no-progress", On(2026, 11, 30)));
    }

    [Fact]
    public void Stage1GoodProgress_WithGoodProgress_Holds() =>
        Assert.True(Holds("stage1-good-progress", Stage1(2, Progress.Good)));

    [Theory]
    [InlineData(Progress.None)]
    [InlineData(Progress.Little)]
    [InlineData(Progress.Expected)]
    public void Stage1GoodProgress_WithoutGoodProgress_DoesNotHold(Progress progress) =>
        Assert.False(Holds("stage1-good-progress", Stage1(6, progress)));

    [Theory]
    [InlineData(6, Progress.Little, "stage1-no-progress")]
    [InlineData(6, Progress.None, "stage1-no-progress")]
    [InlineData(6, Progress.Good, "stage1-good-progress")]
    [InlineData(2, Progress.Good, "stage1-good-progress")]
    [InlineData(2, Progress.Little, null)] // too early to escalate: stays
    [InlineData(6, Progress.Expected, null)] // expected progress: stays
    public void ReviewCompletedAtStage1_FirstTransitionThatHolds(double weeks, Progress progress, string? expected) =>
        Assert.Equal(expected, FirstThatHolds("cause-of-concern", "review.completed", Stage1(weeks, progress), EventData.Empty));

    [Fact]
    public void Stage5NotAssessed_WhenTheLaDecidesNotToAssess_Holds() =>
        Assert.True(Holds("stage5-not-assessed", new Facts { Stage = 5 }, Data(("assess", false))));

    [Fact]
    public void Stage5NotAssessed_WhenTheLaDecidesToAssess_DoesNotHold() =>
        Assert.False(Holds("stage5-not-assessed", new Facts { Stage = 5 }, Data(("assess", true))));

    [Fact]
    public void Stage5NotAssessed_WithoutADecision_IsRefusedBeforeTheRuleRuns()
    {
        // data.Flag("assess") reads a missing flag as false, so the rule alone would hold; the event's declaration
        // makes assess required, and the engine checks the data before it evaluates any rule.
        Assert.True(Holds("stage5-not-assessed", new Facts { Stage = 5 }, EventData.Empty));
        Assert.Equal(["'assess' is required."], EventDataValidator.Check(Pathway.Definition, "assessment.decided", EventData.Empty));
    }

    [Theory]
    [InlineData("stage1-assessment-requested", "parent")]
    [InlineData("stage1-assessment-requested", "school")]
    [InlineData("stage2-assessment-requested", "parent")]
    [InlineData("stage3-assessment-requested", "school")]
    [InlineData("stage4-assessment-requested", "parent")]
    public void AssessmentRequested_ByParentOrSchool_Holds(string transition, string by) =>
        Assert.True(Holds(transition, new Facts(), Data(("by", by))));

    [Theory]
    [InlineData("la")]
    [InlineData("Parent")]
    [InlineData("")]
    [InlineData(null)]
    public void AssessmentRequested_BySomeoneElseOrNobody_DoesNotHold(string? by) =>
        Assert.False(Holds("stage1-assessment-requested", new Facts(), by is null ? EventData.Empty : Data(("by", by))));

    [Theory]
    [InlineData("initial-concern", "stage2-no-progress", 1, Progress.Little, true)]
    [InlineData("initial-concern", "stage2-no-progress", 0, Progress.Little, false)]
    [InlineData("sen-support", "stage3-no-progress", 2, Progress.None, true)]
    [InlineData("sen-support", "stage3-no-progress", 1, Progress.None, false)]
    public void LaterStagesNoProgress_NeedTheirTermsInStage(string state, string transition, int terms, Progress progress, bool holds) =>
        Assert.Equal(holds, Holds(transition, new Facts { State = state, TermsInStage = terms, LastProgress = progress }));
}
