namespace SendWorkflow.Rules;

/// <param name="RuleName">The rule the error belongs to.</param>
/// <param name="Message">What is wrong, in words a teacher can act on where possible.</param>
public sealed record RuleError(string RuleName, string Message);
