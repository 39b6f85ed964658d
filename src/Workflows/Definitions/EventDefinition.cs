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
    /// <summary>
    /// The roles that may record the event from outside (an administrator always may). Without it, any role that may
    /// change a record; an empty list means only the workflow itself raises it (a timer, a task, a child workflow).
    /// </summary>
    public List<string>? RaisedBy { get; init; }
}
