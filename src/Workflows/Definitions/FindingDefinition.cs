namespace SendWorkflow.Workflows.Definitions;

/// <summary>
/// A fact derived by a rule from the other facts, e.g. "persistent-concern": it holds while its rule does, and rules and
/// task conditions read it as <c>findings.PersistentConcern</c>.
/// </summary>
public sealed record FindingDefinition
{
    public string Expression { get; init; } = "";
    /// <summary>How staff see it, e.g. "Persistent concern".</summary>
    public string? Label { get; init; }
    public string? Description { get; init; }
}
