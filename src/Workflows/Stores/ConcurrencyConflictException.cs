namespace SendWorkflow.Workflows.Stores;

/// <summary>Another event changed the instance first; the whole event is retried.</summary>
public sealed class ConcurrencyConflictException(Guid instanceId, Exception? inner = null)
    : Exception($"Instance {instanceId} was changed by another event.", inner)
{
    public Guid InstanceId { get; } = instanceId;
}
