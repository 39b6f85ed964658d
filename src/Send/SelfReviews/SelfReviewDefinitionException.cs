namespace SendWorkflow.Send.SelfReviews;

/// <summary>definitions/self-review.json can't be read: names the file and every problem, so the service does not start half-right.</summary>
public sealed class SelfReviewDefinitionException(string file, IReadOnlyList<string> problems)
    : Exception($"The self-review in {file} is not valid: {string.Join(" ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
