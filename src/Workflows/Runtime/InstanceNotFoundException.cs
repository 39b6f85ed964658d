namespace SendWorkflow.Workflows.Runtime;

public sealed class InstanceNotFoundException(Guid id) : Exception($"There is no workflow instance {id}.")
{
    public Guid InstanceId { get; } = id;
}
