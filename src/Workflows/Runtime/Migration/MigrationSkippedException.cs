namespace SendWorkflow.Workflows.Runtime.Migration;

/// <summary>Raised inside the unit of work when an instance cannot be moved, so that nothing of it is committed.</summary>
internal sealed class MigrationSkippedException(string reason) : Exception(reason);
