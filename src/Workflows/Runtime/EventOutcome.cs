namespace SendWorkflow.Workflows.Runtime;

/// <summary>What an event did: the transition taken (with the rule that decided) or none.</summary>
public sealed record EventOutcome(
    Guid InstanceId, bool Transitioned, string From, string To, string? Rule, string? TransitionId, int? Stage,
    InstanceStatus Status);
