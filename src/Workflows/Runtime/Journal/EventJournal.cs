using System.Globalization;

namespace SendWorkflow.Workflows.Runtime.Journal;

/// <summary>The chronology of events: what happened, and whether a rule moved the instance on (with the facts it saw).</summary>
internal static class EventJournal
{
    private static readonly HashSet<string> Unshown = new(["notes", "taskId", "task"], StringComparer.Ordinal);

    public static void Event(JournalScope scope, string state, WorkflowEvent e) =>
        scope.Write(JournalKinds.Event, state, $"Event '{e.Name}'{Describe(e.Data)}.", e.Data.Values);

    public static void Stayed(JournalScope scope, StateDefinition state, string eventName, Facts facts, Decision? decision) =>
        scope.Write(JournalKinds.Stayed, state.Id, $"Stayed in {state.Name}: no rule held for '{eventName}'.",
            decision?.Findings is { Count: > 0 } findings ? new { facts, findings } : new { facts });

    /// <summary>The move and why: the rule that fired and the values that mattered.</summary>
    public static void Transition(JournalScope scope, (StateDefinition From, StateDefinition To) move, TransitionDefinition taken,
        Facts facts, RuleExplanation? why)
    {
        var rule = taken.Rule?.Name;
        var matched = why?.Matched is { Length: > 0 } m ? $" matched {m}" : "";
        scope.Write(JournalKinds.Transition, move.From.Id,
            $"Moved from {move.From.Name} to {move.To.Name}: {taken.Label ?? taken.Id}{(rule is null ? "" : $" (rule {rule}{matched})")}.",
            why?.Findings is { Count: > 0 } findings
                ? new { transition = taken.Id, rule, expression = taken.Rule?.Expression, to = taken.To, facts, matched = why.Matched, findings }
                : new { transition = taken.Id, rule, expression = taken.Rule?.Expression, to = taken.To, facts, matched = why?.Matched });
    }

    /// <summary>A rule that could not be evaluated did not hold; the chronology says so, so that its author can mend it.</summary>
    public static void RuleErrors(JournalScope scope, string state, Decision? decision)
    {
        foreach (var error in decision?.Errors ?? [])
        {
            scope.Write(JournalKinds.RuleError, state, $"The rule '{error.RuleName}' could not be evaluated, so it did not hold: {error.Message}",
                new { rule = error.RuleName, error = error.Message });
        }
    }

    public static void Replanned(JournalScope scope, string state, string reason, IReadOnlyList<string> moved) =>
        scope.Write(JournalKinds.Replanned, state, $"Re-planned {reason}: {string.Join("; ", moved)}.");

    private static string Describe(EventData data)
    {
        var shown = data.Values.Where(v => !Unshown.Contains(v.Key) && v.Value is not null)
            .Select(v => $"{v.Key} {Convert.ToString(v.Value, CultureInfo.InvariantCulture)?.ToLowerInvariant()}")
            .ToList();
        return shown.Count == 0 ? "" : $" ({string.Join(", ", shown)})";
    }
}
