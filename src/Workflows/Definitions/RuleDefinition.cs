namespace SendWorkflow.Workflows.Definitions;

public sealed record RuleDefinition
{
    public string Name { get; init; } = "";
    public string Expression { get; init; } = "";
}
