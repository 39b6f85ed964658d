namespace SendWorkflow.Workflows.Definitions;

public sealed record ValidationReport(IReadOnlyList<DefinitionProblem> Errors, IReadOnlyList<DefinitionProblem> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
