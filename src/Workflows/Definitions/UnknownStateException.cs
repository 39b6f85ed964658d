namespace SendWorkflow.Workflows.Definitions;

public sealed class UnknownStateException(string definitionId, int version, string state)
    : Exception($"State '{state}' is not in {definitionId} version {version}.")
{
    public string State { get; } = state;
}
