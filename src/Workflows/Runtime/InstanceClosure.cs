namespace SendWorkflow.Workflows.Runtime;

/// <summary>What closing an instance from outside did: nothing when it had already ended, else the work it stopped.</summary>
public sealed record InstanceClosure(Guid InstanceId, bool Closed, int TasksCancelled, int TimersCancelled);
