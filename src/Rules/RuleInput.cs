namespace SendWorkflow.Rules;

/// <summary>What the rules are asked about: the pupil's facts, the event's data and the pupil's reviews.</summary>
public sealed record RuleInput(Facts Facts, EventData Data)
{
    public IReadOnlyList<Review> Reviews { get; init; } = [];
}
