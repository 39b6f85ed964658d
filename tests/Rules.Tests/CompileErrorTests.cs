namespace SendWorkflow.Rules.Tests;

public class CompileErrorTests
{
    [Fact]
    public void Compile_UnknownParameter_RefusedNamingIt()
    {
        var error = Compile.Refused("facts.SchoolWeeksInStage >= params.earlyInterventionWeek", ("earlyInterventionWeeks", 6));

        Assert.Equal("rule", error.RuleName);
        Assert.Contains("params.earlyInterventionWeek'", error.Message);
        Assert.Contains("did you mean earlyInterventionWeeks?", error.Message);
    }

    [Fact]
    public void Compile_ParameterWhenThereAreNone_RefusedNamingIt() =>
        Assert.Contains("params.threshold", Compile.Refused("facts.Stage > params.threshold").Message);

    [Fact]
    public void Compile_MistypedFact_SuggestsTheFact()
    {
        var error = Compile.Refused("facts.WeeksInStag > 2");

        Assert.StartsWith("Unknown name 'facts.WeeksInStag' (did you mean WeeksInStage?)", error.Message);
        Assert.Contains("at character 7", error.Message);
    }

    [Fact]
    public void Compile_MistypedProgress_ListsTheLevels() =>
        Assert.Contains("did you mean Little?", Compile.Refused("facts.LastProgress == Progress.Litle").Message);

    [Fact]
    public void Compile_SyntaxError_RefusedWithRuleNameAndPosition()
    {
        var result = RuleSet.Compile(
            "send-pathway v3",
            [new RuleSource("ok", "true"), new RuleSource("escalate", "facts.Stage == 1 &&")],
            new Dictionary<string, double>());

        var error = Assert.Single(result.Errors);
        Assert.Equal("escalate", error.RuleName);
        Assert.Contains("Something is missing", error.Message);
        Assert.Contains("at character 20", error.Message);
    }

    [Fact]
    public void Compile_EveryBrokenRule_Reported()
    {
        var result = RuleSet.Compile(
            "send-pathway v3",
            [new RuleSource("a", "facts.Stage >"), new RuleSource("b", "true"), new RuleSource("c", "foo == 1")],
            new Dictionary<string, double>());

        Assert.False(result.Succeeded);
        Assert.Equal(["a", "c"], result.Errors.Select(e => e.RuleName));
    }

    [Theory]
    [InlineData("facts.Stage + 1", "a number")]
    [InlineData("facts.State", "text")]
    [InlineData("facts.LastProgress", "a progress level")]
    public void Compile_NotYesNo_Refused(string expression, string gives)
    {
        var error = Compile.Refused(expression);

        Assert.StartsWith("The rule must be a yes/no condition", error.Message);
        Assert.Contains(gives, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Compile_Empty_Refused(string expression) =>
        Assert.Contains("empty", Compile.Refused(expression).Message);

    [Fact]
    public void Compile_TextComparedWithNumber_ExplainsInWords() =>
        Assert.Contains("compare text with a number", Compile.Refused("facts.State > 1").Message);

    [Fact]
    public void Compile_SingleQuotes_ExplainsInWords() =>
        Assert.Contains("text and a single character", Compile.Refused("facts.State == 'x'").Message);

    [Fact]
    public void Compile_DuplicateName_Refused()
    {
        var result = RuleSet.Compile(
            "v1",
            [new RuleSource("same", "true"), new RuleSource("same", "false")],
            new Dictionary<string, double>());

        Assert.Equal("same", Assert.Single(result.Errors).RuleName);
    }

    [Fact]
    public void Compile_InvalidParameterName_Refused()
    {
        var result = RuleSet.Compile("v1", [new RuleSource("r", "true")], new Dictionary<string, double> { ["weeks in stage"] = 1 });

        Assert.Contains("'weeks in stage'", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Exception_Message_ListsScopeAndEveryError()
    {
        var result = RuleSet.Compile(
            "send-pathway v3",
            [new RuleSource("a", "facts.Stage >"), new RuleSource("b", "facts.Stag == 1")],
            new Dictionary<string, double>());

        var exception = new RuleCompilationException("send-pathway v3", result.Errors);

        Assert.Contains("send-pathway v3", exception.Message);
        Assert.Contains("- a: ", exception.Message);
        Assert.Contains("- b: Unknown name 'facts.Stag'", exception.Message);
        Assert.Equal(2, exception.Errors.Count);
    }
}
