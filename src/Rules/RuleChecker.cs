namespace SendWorkflow.Rules;

/// <summary>Checks one expression as a SENCo types it. Parses and vets it exactly as <see cref="RuleSet.Compile"/>
/// does, but skips building the rules network because the designer only needs the verdict.</summary>
public static class RuleChecker
{
    /// <param name="ruleName">Names the rule in the error.</param>
    /// <param name="expression">The rule text.</param>
    /// <param name="parameterNames">The definition's parameters.</param>
    /// <param name="findingIds">The definition's findings; null for none.</param>
    /// <param name="isFinding">Whether the expression is a finding's own rule (which may not read other findings).</param>
    public static IReadOnlyList<RuleError> Check(string ruleName, string expression, IEnumerable<string> parameterNames,
        IEnumerable<string>? findingIds = null, bool isFinding = false)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        var names = parameterNames.ToArray();
        var errors = RuleParameters.Validate(names);
        if (errors.Count > 0)
        {
            return errors;
        }

        var parser = new RuleParser(names, (findingIds ?? []).Where(f => Finding.PropertyName(f).Length > 0).Distinct().ToArray());
        return parser.TryParse(new RuleSource(ruleName, expression), !isFinding, out _, out var error) ? [] : [error];
    }
}
