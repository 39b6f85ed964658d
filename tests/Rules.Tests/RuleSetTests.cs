namespace SendWorkflow.Rules.Tests;

public class RuleSetTests
{
    private static readonly IReadOnlyDictionary<string, double> NoParams = new Dictionary<string, double>();

    [Fact]
    public void Evaluate_RuleThrows_DoesNotHold()
    {
        var rules = Compile.Ok(NoParams, "facts.Event.Length > 3", "data.Text(\"by\").Substring(5) == \"x\"", "facts.Stage / 0 == 1");

        Assert.False(rules.Evaluate("rule1", new Facts { Event = null! }, EventData.Empty));
        Assert.False(rules.Evaluate("rule2", new Facts(), EventData.Empty));
        Assert.False(rules.Evaluate("rule3", new Facts(), EventData.Empty));
    }

    [Fact]
    public void Evaluate_UnknownRule_Throws()
    {
        var rules = Compile.Ok(NoParams, "true");

        var error = Assert.Throws<KeyNotFoundException>(() => rules.Evaluate("missing", new Facts(), EventData.Empty));
        Assert.Contains("test v1", error.Message);
    }

    [Fact]
    public void RuleNames_InGivenOrder() =>
        Assert.Equal(["rule1", "rule2", "rule3"], Compile.Ok(NoParams, "true", "false", "true").RuleNames);

    [Fact]
    public void Evaluate_ParametersOfEachVersion_AreKeptApart()
    {
        var v1 = Compile.Ok(new Dictionary<string, double> { ["weeks"] = 6 }, "facts.SchoolWeeksInStage >= params.weeks");
        var v2 = Compile.Ok(new Dictionary<string, double> { ["weeks"] = 12 }, "facts.SchoolWeeksInStage >= params.weeks");
        var facts = new Facts { SchoolWeeksInStage = 8 };

        Assert.True(v1.Evaluate("rule", facts, EventData.Empty));
        Assert.False(v2.Evaluate("rule", facts, EventData.Empty));
    }

    [Fact]
    public void Evaluate_InParallel_GivesTheSameAnswers()
    {
        var rules = Compile.Ok(
            new Dictionary<string, double> { ["weeks"] = 6 },
            "facts.SchoolWeeksInStage >= params.weeks && facts.LastProgress <= Progress.Little",
            "data.Text(\"by\") == \"parent\"");
        var failures = 0;

        Parallel.For(0, 20_000, i =>
        {
            var facts = new Facts { SchoolWeeksInStage = i % 12, LastProgress = (Progress)(i % 5) };
            var data = new EventData(new Dictionary<string, object?> { ["by"] = i % 2 == 0 ? "parent" : "school" });
            var expected = i % 12 >= 6 && i % 5 <= 2;
            if (rules.Evaluate("rule1", facts, data) != expected || rules.Evaluate("rule2", facts, data) != (i % 2 == 0))
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
