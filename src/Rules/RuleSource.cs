namespace SendWorkflow.Rules;

public sealed record RuleSource(string Name, string Expression);
