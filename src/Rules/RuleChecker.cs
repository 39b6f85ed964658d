namespace SendWorkflow.Rules;

/// <summary>Checks one expression as a SENCo types it. Parses and vets it exactly as <see cref="RuleSet.Compile"/>
/// does, but skips building the delegate because the designer only needs the verdict.</summary>
public static class RuleChecker
{
    public static IReadOnlyList<RuleError> Check(string ruleName, string expression, IEnumerable<string> parameterNames)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        var names = parameterNames.ToArray();
        var errors = RuleParameters.Validate(names);
        if (errors.Count > 0)
        {
            return errors;
        }

        return new RuleCompiler(names).TryParse(new RuleSource(ruleName, expression), out _, out var error) ? [] : [error];
    }
}
