namespace SendWorkflow.Workflows.Definitions;

public sealed record Point(double X, double Y);
