namespace SendWorkflow.Workflows.Definitions;

public sealed class DefinitionNotFoundException(string definitionId, string? version = null)
    : Exception(version is null
        ? $"There is no definition '{definitionId}'."
        : $"Definition '{definitionId}' has no version '{version}'.")
{
    public string DefinitionId { get; } = definitionId;
}
