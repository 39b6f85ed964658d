namespace SendWorkflow.Workflows.Runtime;

/// <summary>A pupil runs one active instance of a definition at a time.</summary>
public sealed class AlreadyRunningException(string pupilId, string definitionId, Guid instanceId)
    : Exception($"Pupil '{pupilId}' is already on '{definitionId}' (instance {instanceId}).")
{
    public Guid InstanceId { get; } = instanceId;
}
