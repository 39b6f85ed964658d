namespace SendWorkflow.Workflows.Stores;

/// <summary>A pending timer that has fallen due.</summary>
public sealed record DueTimer(Guid TimerId, Guid InstanceId, DateTime DueAt);
