namespace SendWorkflow.Rules;

/// <summary>Thrown by callers that cannot continue without a rule set, e.g. when publishing a definition version.</summary>
public sealed class RuleCompilationException : Exception
{
    public RuleCompilationException(string scope, IReadOnlyList<RuleError> errors)
        : base(Describe(scope, errors))
    {
        Scope = scope;
        Errors = errors;
    }

    public string Scope { get; }

    public IReadOnlyList<RuleError> Errors { get; }

    private static string Describe(string scope, IReadOnlyList<RuleError> errors) =>
        $"The rules of {scope} could not be compiled:"
        + string.Concat(errors.Select(e => $"{Environment.NewLine}- {e.RuleName}: {e.Message}"));
}
