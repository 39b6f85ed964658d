namespace SendWorkflow.Host.Studio;

/// <summary>A transition as an arrow. Offset moves arrows between the same two states apart so each can be clicked.</summary>
public sealed record GraphEdge(string Id, string Source, string Target, string Label, double Offset);
