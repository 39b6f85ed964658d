namespace SendWorkflow.Workflows.Runtime;

public sealed class InstanceClosedException(Guid id, string state)
    : Exception($"Instance {id} has ended in state '{state}' and takes no more events.");
