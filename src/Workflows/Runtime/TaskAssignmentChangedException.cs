namespace SendWorkflow.Workflows.Runtime;

/// <summary>The task was assigned, claimed or released by someone else after the caller read it; nothing was changed.</summary>
public sealed class TaskAssignmentChangedException(Guid id)
    : Exception($"Task {id} was assigned, claimed or released by someone else meanwhile; nothing was changed. Reload it and try again.");
