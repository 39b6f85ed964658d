namespace SendWorkflow.Workflows.Runtime;

/// <summary>Something that happened to an instance: a task completed, a timer fired, a request from outside.</summary>
public sealed record WorkflowEvent(string Name, EventData Data, string? Actor = null);
