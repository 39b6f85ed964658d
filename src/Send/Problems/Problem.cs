namespace SendWorkflow.Send.Problems;

/// <summary>One item of a ProblemDetails "errors" list. Field names the request field; Target the definition part.</summary>
public sealed record Problem(string Message, string? Field = null, string? Code = null, string? TargetKind = null, string? TargetId = null);
