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
        foreach (var error in CompileRules(d).Errors)
        {
            if (ruleTransitions.Contains(error.RuleName))
                p.Error("rule-does-not-compile", error.Message, "transition", error.RuleName);
            else if (TaskConditionTarget(d, error.RuleName) is { } stateId)
                p.Error("rule-does-not-compile", error.Message, "state", stateId);
            else
                p.Error("rule-does-not-compile", error.Message);
        }
    }

    /// <summary>
    /// Compiles every transition's rule, keyed by the transition id, and every task's condition, keyed by
    /// <see cref="TaskConditionKey"/> (a slash can't occur in a transition id, so the two never collide).
    /// </summary>
    public static RuleSetResult CompileRules(WorkflowDefinition d)
    {
        var sources = d.Transitions
            .Where(t => t.Rule is not null && !string.IsNullOrWhiteSpace(t.Id))
            .GroupBy(t => t.Id).Select(g => g.First())
            .Select(t => new RuleSource(t.Id, t.Rule!.Expression))
            .Concat(d.States.SelectMany(s => s.Tasks.Where(t => t.If is not null)
                .Select(t => new RuleSource(TaskConditionKey(s.Id, t.Id), t.If!))))
            .GroupBy(r => r.Name).Select(g => g.First())
            .ToList();
        // Parameters that differ only in capitals are reported by Validate; the first is kept here so that the rules
        // still compile and their own errors are listed too, instead of one error about parameters and nothing else.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var parameters = ParameterValues(d).Where(p => seen.Add(p.Key))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var result = RuleSet.Compile($"{d.Id} v{d.Version}", sources, parameters);
        var names = d.Transitions.Where(t => t.Rule is not null && !string.IsNullOrWhiteSpace(t.Id))
            .GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Rule!.Name);
        var errors = result.Errors
            .Select(e => new RuleError(e.RuleName, names.TryGetValue(e.RuleName, out var ruleName)
                ? $"The rule '{ruleName}' of transition '{e.RuleName}' does not compile: {e.Message}"
                : e.RuleName.Split('/') is [var state, var task]
                    ? $"The condition of task '{task}' of state '{state}' does not compile: {e.Message}"
                    : e.Message))
            .ToList();
        return result with { Errors = errors };
    }

    public static string TaskConditionKey(string stateId, string taskId) => $"{stateId}/{taskId}";

    private static string? TaskConditionTarget(WorkflowDefinition d, string ruleName) =>
        ruleName.Split('/') is [var state, _] && d.States.Any(s => s.Id == state) ? state : null;

    public static Dictionary<string, double> ParameterValues(WorkflowDefinition d) =>
        d.Parameters.Where(p => Patterns.Name().IsMatch(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.Default ?? 0, StringComparer.Ordinal);
}
