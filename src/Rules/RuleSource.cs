namespace SendWorkflow.Rules;

/// <param name="Name">The rule's key, unique in its set (e.g. a transition id).</param>
/// <param name="Expression">The rule text as written in the definition.</param>
public sealed record RuleSource(string Name, string Expression)
{
    /// <summary>
    /// What the rule answers, e.g. "which transition leaves this state on this event". Rules of one question compete:
    /// the first by <see cref="Priority"/>, then by their order in the list, decides. Without one the rule answers only
    /// for itself.
    /// </summary>
    public string? Question { get; init; }

    /// <summary>Lower numbers are tried first.</summary>
    public int Priority { get; init; }
}
