namespace SendWorkflow.Rules;

public sealed record RuleSetResult(RuleSet? RuleSet, IReadOnlyList<RuleError> Errors)
{
    public bool Succeeded => RuleSet is not null && Errors.Count == 0;
}
