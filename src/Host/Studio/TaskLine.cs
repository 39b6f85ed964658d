namespace SendWorkflow.Host.Studio;

public sealed record TaskLine(string Title, string Role, DateOnly DueOn, bool Overdue);
