namespace SendWorkflow.Send.Problems;

/// <summary>The request broke one or more rules; every problem is listed and nothing was changed.</summary>
public sealed class RequestValidationException(IReadOnlyList<Problem> problems)
    : Exception("The request is not valid: " + string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
