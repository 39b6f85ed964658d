namespace SendWorkflow.Rules.Tests;

internal static class Compile
{
    public static RuleSet Ok(IReadOnlyDictionary<string, double> parameters, params string[] expressions)
    {
        var result = RuleSet.Compile("test v1", Sources(expressions), parameters);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.RuleName}: {e.Message}")));
        return result.RuleSet!;
    }

    /// <returns>The single error a one-rule set named "rule" was refused with.</returns>
    public static RuleError Refused(string expression, params (string Name, double Value)[] parameters)
    {
        var result = RuleSet.Compile("test v1", Sources([expression]), parameters.ToDictionary(p => p.Name, p => p.Value));
        Assert.False(result.Succeeded, $"Expected to be refused: {expression}");
        Assert.Null(result.RuleSet);
        return Assert.Single(result.Errors);
    }

    // A single expression is named "rule"; several are named rule1, rule2, ... in order.
    private static RuleSource[] Sources(string[] expressions) => expressions.Length == 1
        ? [new RuleSource("rule", expressions[0])]
        : expressions.Select((e, i) => new RuleSource($"rule{i + 1}", e)).ToArray();
}
