namespace SendWorkflow.Workflows.Runtime;

/// <summary>What an event did: the transition taken (with the rule that decided) or none.</summary>
public sealed record EventOutcome
{
    public required Guid InstanceId { get; init; }
    public required bool Transitioned { get; init; }
    public required string From { get; init; }
    /// <summary>The state the instance is in after the event (the same as From when it stayed).</summary>
    public required string To { get; init; }
    public string? Rule { get; init; }
    public string? TransitionId { get; init; }
    public int? Stage { get; init; }
    public required InstanceStatus Status { get; init; }
}
