namespace SendWorkflow.Rules;

/// <param name="Rule">The rule that decided (the first to fire), or null when none held.</param>
/// <param name="Fired">Every rule of the question that fired, in agenda order (one under the hit policy "first").</param>
/// <param name="Findings">Finding ids that hold.</param>
/// <param name="Errors">Rules that could not be evaluated, and so did not hold.</param>
public sealed record Decision(string? Rule, IReadOnlyList<string> Fired, IReadOnlyList<string> Findings, IReadOnlyList<RuleError> Errors);
