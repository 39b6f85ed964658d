namespace SendWorkflow.Workflows.Runtime;

/// <summary>Completing a task: its outcome and notes, who completed it, and the form filled in with it (kept in the journal).</summary>
public sealed record TaskCompletionRequest(
    Guid TaskId, string? Outcome, string? Notes, string? Actor, IReadOnlyDictionary<string, string>? Form = null);
