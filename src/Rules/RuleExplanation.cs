namespace SendWorkflow.Rules;

/// <param name="Rule">The rule's key.</param>
/// <param name="Expression">The rule text as written.</param>
/// <param name="Holds">Whether the rule holds now (as NRules decides it).</param>
/// <param name="Conditions">The parts joined by &amp;&amp;, each with its values.</param>
public sealed record RuleExplanation(string Rule, string Expression, bool Holds, IReadOnlyList<ConditionExplanation> Conditions)
{
    /// <summary>The values that mattered, e.g. "SchoolWeeksInStage = 7 (needs >= 6), LastProgress = little".</summary>
    public string Matched => string.Join(", ", Conditions.Select(c => c.Summary).Where(s => s.Length > 0));

    /// <summary>Findings that hold for these facts.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}

/// <param name="Text">The condition, e.g. "facts.SchoolWeeksInStage >= params.earlyInterventionWeeks".</param>
/// <param name="Holds">Whether it holds now; false when it could not be evaluated.</param>
/// <param name="Subject">For a comparison, what is compared (e.g. "SchoolWeeksInStage"); otherwise null.</param>
/// <param name="Operator">For a comparison, its operator (e.g. ">=").</param>
/// <param name="Value">For a comparison, the subject's value now.</param>
/// <param name="Needs">For a comparison, the value it is compared with.</param>
public sealed record ConditionExplanation(string Text, bool Holds, string? Subject, string? Operator, string? Value, string? Needs)
{
    /// <summary>The operator of "x == a || x == b": x is one of a or b (<see cref="Needs"/> lists them, "a or b").</summary>
    public const string OneOf = "is one of";

    /// <summary>Whether it reads the event's data, so that only the event itself can tell.</summary>
    public bool ReadsEventData { get; init; }

    /// <summary>Each value the condition reads, with its value now, e.g. ("LastProgress", "little").</summary>
    public IReadOnlyList<ValueRead> Reads { get; init; } = [];

    /// <summary>Why it could not be evaluated, if it could not.</summary>
    public string? Error { get; init; }

    public string Summary => (Subject, Value, Operator) switch
    {
        ({ } subject, { } value, OneOf) => $"{subject} = {value}",
        ({ } subject, { } value, _) => $"{subject} = {value} (needs {Operator} {Needs})",
        _ => string.Join(", ", Reads.Select(r => $"{r.Name} = {r.Value}")),
    };
}

public sealed record ValueRead(string Name, string Value);
