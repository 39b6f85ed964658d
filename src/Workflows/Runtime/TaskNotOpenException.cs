namespace SendWorkflow.Workflows.Runtime;

/// <summary>The task was already completed or cancelled; completing it again changes nothing.</summary>
public sealed class TaskNotOpenException(Guid id, WorkTaskStatus status)
    : Exception($"Task {id} is already {status.ToString().ToLowerInvariant()}.");
