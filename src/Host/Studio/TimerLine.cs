namespace SendWorkflow.Host.Studio;

public sealed record TimerLine(string Timer, string Description, DateTime DueAt);
