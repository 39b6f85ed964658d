namespace SendWorkflow.Workflows.Definitions.Validation;

internal static class StateChecks
{
    /// <summary>Checks every state with its tasks and timers; returns the states by id (the first of duplicates).</summary>
    public static Dictionary<string, StateDefinition> Check(WorkflowDefinition d, DefinitionProblems p)
    {
        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        foreach (var s in d.States)
        {
            if (string.IsNullOrWhiteSpace(s.Id)) { p.Error("missing-id", $"A state named '{s.Name}' has no id.", "state", s.Id); continue; }
            if (!states.TryAdd(s.Id, s)) p.Error("duplicate-state", $"Two states have the id '{s.Id}'.", "state", s.Id);
            CheckState(d, s, p);
            var taskIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in s.Tasks)
            {
                if (!taskIds.Add(t.Id)) p.Error("duplicate-task", $"State '{s.Id}' has two tasks with the id '{t.Id}'.", "state", s.Id);
                TaskChecks.Check(d, t, $"Task '{t.Id}' of state '{s.Id}'", s.Id, p);
            }
            var timerIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in s.Timers)
            {
                if (string.IsNullOrWhiteSpace(t.Id)) p.Error("missing-id", $"A timer of state '{s.Id}' has no id.", "state", s.Id);
                else if (!timerIds.Add(t.Id)) p.Error("duplicate-timer", $"State '{s.Id}' has two timers with the id '{t.Id}'.", "state", s.Id);
                CheckTimer(d, s, t, p);
            }
        }
        return states;
    }

    private static void CheckState(WorkflowDefinition d, StateDefinition s, DefinitionProblems p)
    {
        if (string.IsNullOrWhiteSpace(s.Name)) p.Error("missing-name", $"State '{s.Id}' needs a name.", "state", s.Id);
        if (s.Timeframe is not null) WhenChecks.Check(d, s.Timeframe, $"The timeframe of state '{s.Id}'", ("state", s.Id), p);
        if (s.Starts is { } child && !Patterns.Id().IsMatch(child))
            p.Error("invalid-id", $"State '{s.Id}' starts '{child}', which is not a definition id.", "state", s.Id);
        if (s.StartsFrom is not null && s.Starts is null)
        {
            p.Error("starts-from-without-starts",
                $"State '{s.Id}' says what the workflow it starts counts from, but starts none.", "state", s.Id);
        }
        if (s.Notifies is { } n && (!s.Terminal || string.IsNullOrWhiteSpace(n.Event)))
        {
            p.Error("invalid-notification",
                $"State '{s.Id}' notifies its parent workflow: only a terminal state can, and it must name the event.", "state", s.Id);
        }
        if (s.Terminal && (s.Tasks.Count > 0 || s.Timers.Count > 0))
            p.Warn("terminal-work", $"State '{s.Id}' ends the workflow, so its tasks and timers never matter.", "state", s.Id);
    }

    private static void CheckTimer(WorkflowDefinition d, StateDefinition s, TimerDefinition t, DefinitionProblems p)
    {
        var what = $"Timer '{t.Id}' of state '{s.Id}'";
        if ((t.After is null) == (t.Every is null))
            p.Error("timer-schedule", $"{what} needs exactly one of 'after' or 'every'.", "state", s.Id);
        if (t.After is not null) WhenChecks.Check(d, t.After, what, ("state", s.Id), p);
        if (t.WhileOpen is { } chased && s.Tasks.All(x => x.Id != chased))
            p.Error("unknown-task", $"{what} hands out its task while '{chased}' is open, which is not a task of the state.", "state", s.Id);
        if (t.WhileOpen is not null && t.Task is null)
            p.Warn("while-open-without-task", $"{what} says which task it chases, but hands out no task.", "state", s.Id);
        if (t.Every is not null)
        {
            WhenChecks.Check(d, t.Every, what, ("state", s.Id), p);
            if (WhenChecks.IsZero(t.Every)) p.Error("timer-schedule", $"{what} repeats every zero time.", "state", s.Id);
        }
        if (!string.IsNullOrWhiteSpace(t.Raises) && d.Events.TryGetValue(t.Raises, out var raised)
            && raised.Data.Any(f => f.Value.Required))
        {
            var needed = string.Join(", ", raised.Data.Where(f => f.Value.Required).Select(f => f.Key));
            p.Error("timer-event-needs-data", $"{what} raises '{t.Raises}', which needs data a timer cannot give ({needed}).", "state", s.Id);
        }
        if (string.IsNullOrWhiteSpace(t.Raises) && t.Task is null)
            p.Error("timer-does-nothing", $"{what} neither raises an event nor creates a task.", "state", s.Id);
        if (t.Task is not null) TaskChecks.Check(d, t.Task, $"The task of {what.ToLowerInvariant()}", s.Id, p);
    }
}
