namespace SendWorkflow.Workflows.Runtime;

public sealed record SweepResult(int Warned, int Escalated);
