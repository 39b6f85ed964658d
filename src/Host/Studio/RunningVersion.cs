namespace SendWorkflow.Host.Studio;

/// <summary>How many pupils are on one version of a definition right now.</summary>
public sealed record RunningVersion(int Version, int Pupils);
