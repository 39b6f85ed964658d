using SendWorkflow.Workflows.Definitions.Validation;

namespace SendWorkflow.Workflows.Definitions;

/// <summary>Lists every problem of a definition at once: an author fixes them in one pass, not one per publish.</summary>
public static class DefinitionValidator
{
    public static ValidationReport Validate(WorkflowDefinition d)
    {
        var p = new DefinitionProblems();
        if (!Patterns.Id().IsMatch(d.Id ?? ""))
            p.Error("invalid-id", $"The definition id '{d.Id}' must be lower-case letters, digits and dashes.");
        if (string.IsNullOrWhiteSpace(d.Name)) p.Error("missing-name", "The definition needs a name.");
        if (d.EscalateTo is { } role && string.IsNullOrWhiteSpace(role))
            p.Error("missing-role", "The definition's default escalation role (escalateTo) is empty.");
        ParameterChecks.Check(d, p);
        var states = StateChecks.Check(d, p);
        TransitionChecks.Check(d, states, p);
        EventChecks.Check(d, p);
        TransitionChecks.CheckReach(d, states, p);
        CheckRules(d, p);
        return p.Report();
    }

    private static void CheckRules(WorkflowDefinition d, DefinitionProblems p)
    {
        var ruleTransitions = d.Transitions.Where(t => t.Rule is not null).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var error in Describe(d, RuleSet.Check(RuleSources(d), RuleParameters(d), FindingSources(d))))
        {
            if (error.RuleName.StartsWith(RuleSet.FindingPrefix, StringComparison.Ordinal))
                p.Error("rule-does-not-compile", error.Message, "finding", error.RuleName[RuleSet.FindingPrefix.Length..]);
            else if (ruleTransitions.Contains(error.RuleName))
                p.Error("rule-does-not-compile", error.Message, "transition", error.RuleName);
            else if (TaskConditionTarget(d, error.RuleName) is { } stateId)
                p.Error("rule-does-not-compile", error.Message, "state", stateId);
            else
                p.Error("rule-does-not-compile", error.Message);
        }
    }

    /// <summary>
    /// Compiles the rules into NRules: every transition answers the question of its state and event (one without a rule
    /// always holds), keyed by its id, in order of priority then of the file; every task's condition answers its state's
    /// question of tasks, keyed by <see cref="TaskConditionKey"/> (a slash can't occur in a transition id, so the two never
    /// collide); and the findings.
    /// </summary>
    public static RuleSetResult CompileRules(WorkflowDefinition d)
    {
        var result = RuleSet.Compile($"{d.Id} v{d.Version}", RuleSources(d), RuleParameters(d), FindingSources(d));
        return result with { Errors = Describe(d, result.Errors) };
    }

    /// <summary>The question the transitions leaving a state on an event answer.</summary>
    public static string TransitionQuestion(string state, string eventName) => $"{state}\n{eventName}";

    /// <summary>The question a state's task conditions answer when it is entered.</summary>
    public static string TaskQuestion(string state) => $"{state}\n";

    private static List<RuleSource> RuleSources(WorkflowDefinition d) =>
        d.Transitions
            .Where(t => !string.IsNullOrWhiteSpace(t.Id))
            .GroupBy(t => t.Id).Select(g => g.First())
            .Select(t => new RuleSource(t.Id, t.Rule?.Expression ?? "true")
                { Question = TransitionQuestion(t.From, t.On), Priority = t.Priority })
            .Concat(d.States.SelectMany(s => s.Tasks.Where(t => t.If is not null)
                .Select(t => new RuleSource(TaskConditionKey(s.Id, t.Id), t.If!) { Question = TaskQuestion(s.Id) })))
            .GroupBy(r => r.Name).Select(g => g.First())
            .ToList();

    private static List<RuleSource> FindingSources(WorkflowDefinition d) =>
        d.Findings.Select(f => new RuleSource(f.Key, f.Value.Expression)).ToList();

    // Parameters that differ only in capitals are reported by Validate; the first is kept here so that the rules
    // still compile and their own errors are listed too, instead of one error about parameters and nothing else.
    private static Dictionary<string, double> RuleParameters(WorkflowDefinition d)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return ParameterValues(d).Where(p => seen.Add(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    private static List<RuleError> Describe(WorkflowDefinition d, IReadOnlyList<RuleError> errors)
    {
        var names = d.Transitions.Where(t => t.Rule is not null && !string.IsNullOrWhiteSpace(t.Id))
            .GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Rule!.Name);
        return errors
            .Select(e => new RuleError(e.RuleName, names.TryGetValue(e.RuleName, out var ruleName)
                ? $"The rule '{ruleName}' of transition '{e.RuleName}' does not compile: {e.Message}"
                : e.RuleName.StartsWith(RuleSet.FindingPrefix, StringComparison.Ordinal)
                    ? $"The finding '{e.RuleName[RuleSet.FindingPrefix.Length..]}' does not compile: {e.Message}"
                    : e.RuleName.Split('/') is [var state, var task]
                        ? $"The condition of task '{task}' of state '{state}' does not compile: {e.Message}"
                        : e.Message))
            .ToList();
    }

    public static string TaskConditionKey(string stateId, string taskId) => $"{stateId}/{taskId}";

    private static string? TaskConditionTarget(WorkflowDefinition d, string ruleName) =>
        ruleName.Split('/') is [var state, _] && d.States.Any(s => s.Id == state) ? state : null;

    public static Dictionary<string, double> ParameterValues(WorkflowDefinition d) =>
        d.Parameters.Where(p => Patterns.Name().IsMatch(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.Default ?? 0, StringComparer.Ordinal);
}
