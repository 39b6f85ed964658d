namespace SendWorkflow.Host.Studio;

/// <summary>A state as the canvas shows it; the texts are already in plain words.</summary>
public sealed record GraphNode(string Id, double X, double Y, string Stage, string Name, string Roles, string Timeframe, bool Terminal, bool Initial);
