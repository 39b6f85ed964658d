namespace SendWorkflow.Workflows.Definitions;

/// <summary>Declares the data an event carries, so bad event data is refused at the edge.</summary>
public sealed record EventDefinition
{
    public string? Description { get; init; }
    /// <summary>How the event finishes "When ..." in the designer's words, e.g. "a review is completed".</summary>
    public string? When { get; init; }
    public Dictionary<string, FieldDefinition> Data { get; init; } = [];
    public MilestoneDefinition? Milestone { get; init; }
    /// <summary>
    /// The text field of the data that measures the outcome (none, little, expected or good): the engine records it on
    /// the instance for the rules (<c>facts.LastProgress</c> and the counts in the state), and a task raising this
    /// event writes its outcome there.
    /// </summary>
    public string? Measure { get; init; }
}
