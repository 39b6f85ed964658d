namespace SendWorkflow.Workflows.Definitions.Validation;

internal static class TransitionChecks
{
    public static void Check(WorkflowDefinition d, Dictionary<string, StateDefinition> states, DefinitionProblems p)
    {
        if (string.IsNullOrWhiteSpace(d.InitialState))
            p.Error("missing-initial-state", "The definition needs an initial state.");
        else if (!states.ContainsKey(d.InitialState))
            p.Error("unknown-state", $"The initial state '{d.InitialState}' is not a state of this definition.", "definition");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in d.Transitions)
        {
            if (string.IsNullOrWhiteSpace(t.Id))
            {
                p.Error("missing-id", $"A transition from '{t.From}' to '{t.To}' has no id.", "transition", t.Id);
                continue;
            }
            if (!ids.Add(t.Id)) p.Error("duplicate-transition", $"Two transitions have the id '{t.Id}'.", "transition", t.Id);
            CheckOne(t, states, p);
        }
    }

    /// <summary>Every state can be reached from the initial one; a state nothing leaves is warned about.</summary>
    public static void CheckReach(WorkflowDefinition d, Dictionary<string, StateDefinition> states, DefinitionProblems p)
    {
        if (!string.IsNullOrWhiteSpace(d.InitialState) && states.ContainsKey(d.InitialState))
        {
            var reached = new HashSet<string>(StringComparer.Ordinal) { d.InitialState };
            var queue = new Queue<string>([d.InitialState]);
            while (queue.TryDequeue(out var at))
            {
                foreach (var t in d.Transitions.Where(t => t.From == at && t.To is not null && states.ContainsKey(t.To)))
                {
                    if (reached.Add(t.To)) queue.Enqueue(t.To);
                }
            }
            foreach (var s in d.States.Where(s => !string.IsNullOrWhiteSpace(s.Id) && !reached.Contains(s.Id)))
                p.Error("unreachable-state", $"State '{s.Id}' can never be reached from '{d.InitialState}'.", "state", s.Id);
        }
        foreach (var s in d.States.Where(s => !s.Terminal && !d.Transitions.Any(t => t.From == s.Id)))
            p.Warn("dead-end", $"Nothing leads out of state '{s.Id}', so an instance that gets there stays for good.", "state", s.Id);
    }

    private static void CheckOne(TransitionDefinition t, Dictionary<string, StateDefinition> states, DefinitionProblems p)
    {
        if (!states.TryGetValue(t.From ?? "", out var from))
            p.Error("unknown-state", $"Transition '{t.Id}' starts from '{t.From}', which is not a state.", "transition", t.Id);
        else if (from.Terminal)
            p.Error("transition-from-terminal", $"Transition '{t.Id}' leaves '{t.From}', which ends the workflow.", "transition", t.Id);
        if (!states.ContainsKey(t.To ?? ""))
            p.Error("unknown-state", $"Transition '{t.Id}' goes to '{t.To}', which is not a state.", "transition", t.Id);
        if (string.IsNullOrWhiteSpace(t.On))
            p.Error("missing-event", $"Transition '{t.Id}' does not say which event it listens to.", "transition", t.Id);
        if (t.Rule is not null && string.IsNullOrWhiteSpace(t.Rule.Name))
            p.Error("missing-rule-name", $"The rule of transition '{t.Id}' needs a name.", "transition", t.Id);
        if (t.EnteredAs is { } name && !Patterns.Id().IsMatch(name))
        {
            p.Error("invalid-entered-as",
                $"Transition '{t.Id}' names its entry '{name}': use lower-case letters, digits and dashes.", "transition", t.Id);
        }
    }
}
