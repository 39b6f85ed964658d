namespace SendWorkflow.Send.Problems;

/// <summary>The signed-in user's role may not do this (answered 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
