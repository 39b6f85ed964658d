namespace SendWorkflow.Host.Studio;

/// <summary>What the canvas draws: sent to the X6 module as JSON, never edited there.</summary>
public sealed record GraphModel(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
