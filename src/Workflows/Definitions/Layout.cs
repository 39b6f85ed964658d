namespace SendWorkflow.Workflows.Definitions;

public sealed record Layout(double X, double Y);
