namespace SendWorkflow.Workflows.Definitions;

public sealed record TransitionDefinition
{
    public string Id { get; init; } = "";
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    /// <summary>The event that makes the transition consider its rule.</summary>
    public string On { get; init; } = "";
    /// <summary>No rule means the transition always holds for its event.</summary>
    public RuleDefinition? Rule { get; init; }
    public string? Label { get; init; }
    /// <summary>Lower numbers are tried first; the first rule that holds wins.</summary>
    public int Priority { get; init; }
    public List<Point>? Vertices { get; init; }
    /// <summary>
    /// How an entry by this transition is named in the facts (<c>facts.EnteredBy</c>), e.g. "request". Without it the
    /// name comes from the stages: escalation (a higher stage), step-down (a lower stage or an end) or transition.
    /// </summary>
    public string? EnteredAs { get; init; }
}
