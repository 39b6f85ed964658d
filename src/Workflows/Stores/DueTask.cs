namespace SendWorkflow.Workflows.Stores;

/// <summary>An open task the deadline round must look at.</summary>
public sealed record DueTask(Guid TaskId, Guid InstanceId);
