namespace SendWorkflow.Workflows.Definitions;

/// <summary>
/// Marks an event as a dated milestone of the case (a decision, a plan issued, a review meeting): the engine records
/// it in the same transaction, statutory reports count it, and timeframes can count from it.
/// </summary>
public sealed record MilestoneDefinition
{
    public string Id { get; init; } = "";
    /// <summary>The event's date field that says when it happened; without one, the day it is recorded.</summary>
    public string? Date { get; init; }
}
