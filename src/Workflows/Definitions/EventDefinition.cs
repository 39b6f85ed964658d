namespace SendWorkflow.Workflows.Definitions;

/// <summary>Declares the data an event carries, so bad event data is refused at the edge.</summary>
public sealed record EventDefinition
{
    public string? Description { get; init; }
    public Dictionary<string, FieldDefinition> Data { get; init; } = [];
    public MilestoneDefinition? Milestone { get; init; }
}
