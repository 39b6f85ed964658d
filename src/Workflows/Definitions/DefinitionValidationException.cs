namespace SendWorkflow.Workflows.Definitions;

public sealed class DefinitionValidationException(string definitionId, IReadOnlyList<DefinitionProblem> errors)
    : Exception($"Definition '{definitionId}' is not valid: {string.Join(" ", errors.Select(e => e.Message))}")
{
    public string DefinitionId { get; } = definitionId;
    public IReadOnlyList<DefinitionProblem> Errors { get; } = errors;
}
