namespace SendWorkflow.Workflows.Definitions;

/// <summary>One version of a workflow: the JSON document the designer edits, exactly.</summary>
public sealed record WorkflowDefinition
{
    public string Id { get; init; } = "";
    public int Version { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public Dictionary<string, ParameterDefinition> Parameters { get; init; } = [];
    public string InitialState { get; init; } = "";
    public List<StateDefinition> States { get; init; } = [];
    public List<TransitionDefinition> Transitions { get; init; } = [];
    public Dictionary<string, EventDefinition> Events { get; init; } = [];
}
