namespace SendWorkflow.Workflows.Runtime;

public sealed record TaskCompletion(WorkTask Task, EventOutcome? Outcome);
