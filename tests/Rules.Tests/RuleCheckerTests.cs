namespace SendWorkflow.Rules.Tests;

public class RuleCheckerTests
{
    [Fact]
    public void Check_ValidRule_NoErrors() =>
        Assert.Empty(RuleChecker.Check(
            "early-intervention",
            "facts.SchoolWeeksInStage >= params.earlyInterventionWeeks && facts.LastProgress == Progress.None",
            ["earlyInterventionWeeks"]));

    [Fact]
    public void Check_UnknownParameter_NamesRuleAndParameter()
    {
        var error = Assert.Single(RuleChecker.Check("early-intervention", "facts.Stage > params.wekes", ["weeks"]));

        Assert.Equal("early-intervention", error.RuleName);
        Assert.Contains("params.wekes", error.Message);
        Assert.Contains("did you mean weeks?", error.Message);
    }

    [Fact]
    public void Check_HalfTyped_ReportsPosition() =>
        Assert.Contains("at character", Assert.Single(RuleChecker.Check("r", "facts.Stage >= ", [])).Message);

    [Fact]
    public void Check_UnknownName_SuggestsFacts() =>
        Assert.Contains("did you mean facts?", Assert.Single(RuleChecker.Check("r", "fact.Stage == 1", [])).Message);

    [Fact]
    public void Check_NotYesNo_Refused() =>
        Assert.StartsWith("The rule must be a yes/no condition", Assert.Single(RuleChecker.Check("r", "facts.Stage", [])).Message);

    [Fact]
    public void Check_DuplicateParameterNames_Refused() =>
        Assert.NotEmpty(RuleChecker.Check("r", "true", ["weeks", "Weeks"]));

    [Fact]
    public void Check_InParallel_GivesTheSameAnswers()
    {
        var verdicts = new int[200];

        Parallel.For(0, verdicts.Length, i =>
            verdicts[i] = RuleChecker.Check("r", i % 2 == 0 ? "facts.Stage > params.w" : "facts.Stage >", ["w"]).Count);

        Assert.All(verdicts.Where((_, i) => i % 2 == 0), count => Assert.Equal(0, count));
        Assert.All(verdicts.Where((_, i) => i % 2 == 1), count => Assert.Equal(1, count));
    }
}
