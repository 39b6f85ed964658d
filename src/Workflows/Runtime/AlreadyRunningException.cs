namespace SendWorkflow.Workflows.Runtime;

/// <summary>A subject runs one active instance of a definition at a time.</summary>
public sealed class AlreadyRunningException(string subjectId, string definitionId, Guid instanceId)
    : Exception($"'{subjectId}' is already on '{definitionId}' (instance {instanceId}).")
{
    public Guid InstanceId { get; } = instanceId;
}
