namespace SendWorkflow.Workflows.Runtime;

public sealed class TaskNotFoundException(Guid id) : Exception($"There is no task {id}.");
