namespace SendWorkflow.Workflows.Definitions.Validation;

/// <summary>The errors and warnings found so far, gathered by every check so that all are listed at once.</summary>
internal sealed class DefinitionProblems
{
    public List<DefinitionProblem> Errors { get; } = [];
    public List<DefinitionProblem> Warnings { get; } = [];

    public void Error(string code, string message, string kind = "definition", string? id = null) =>
        Errors.Add(new DefinitionProblem(code, message, kind, id));

    public void Warn(string code, string message, string kind = "definition", string? id = null) =>
        Warnings.Add(new DefinitionProblem(code, message, kind, id));

    public ValidationReport Report() => new(Errors, Warnings);
}
