namespace SendWorkflow.Send.Play;

/// <summary>
/// The part of a draft that can run: a draft with errors still runs what is valid in Play. Each round leaves out what an
/// error names (an arrow, a finding, a parameter, an event; a state with its arrows, or for the initial state its tasks and
/// timers) until what is left validates. The errors of the whole draft are listed beside it, with what was left out.
/// </summary>
public sealed record RunnableDraft(WorkflowDefinition Definition, IReadOnlyList<DefinitionProblem> Problems, IReadOnlyList<string> LeftOut)
{
    private const int MaxRounds = 12;

    /// <exception cref="RequestValidationException">Nothing of it can run (e.g. it has no initial state), with every problem.</exception>
    public static RunnableDraft Of(WorkflowDefinition draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var first = DefinitionValidator.Validate(draft);
        if (first.IsValid) return new RunnableDraft(draft, [], []);
        var leftOut = new List<string>();
        var current = draft;
        var report = first;
        for (var round = 0; round < MaxRounds && !report.IsValid; round++)
        {
            var next = LeaveOut(current, report.Errors, leftOut);
            if (next is null) break;
            current = next;
            report = DefinitionValidator.Validate(current);
        }
        if (!report.IsValid)
        {
            throw new RequestValidationException(first.Errors
                .Select(e => new Problem($"Play cannot run this draft: {e.Message}", "document", e.Code, e.TargetKind, e.TargetId)).ToList());
        }
        return new RunnableDraft(current, first.Errors, leftOut);
    }

    /// <summary>The draft without what the errors name; null when nothing more can be left out.</summary>
    private static WorkflowDefinition? LeaveOut(WorkflowDefinition d, IReadOnlyList<DefinitionProblem> errors, List<string> leftOut)
    {
        var changed = false;
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            d = d with { Name = d.Id };
            changed = true;
        }
        foreach (var group in errors.Where(e => e.TargetId is not null).GroupBy(e => (e.TargetKind, Id: e.TargetId!)))
        {
            var (kind, id) = group.Key;
            switch (kind)
            {
                case "transition" when d.Transitions.Any(t => t.Id == id):
                    d = d with { Transitions = d.Transitions.Where(t => t.Id != id).ToList() };
                    leftOut.Add($"The arrow '{id}' is left out.");
                    changed = true;
                    break;
                case "state" when id == d.InitialState && d.States.Any(s => s.Id == id && (s.Tasks.Count > 0 || s.Timers.Count > 0)):
                    d = d with { States = d.States.Select(s => s.Id == id ? s with { Tasks = [], Timers = [] } : s).ToList() };
                    leftOut.Add($"The tasks and timers of the first state '{id}' are left out.");
                    changed = true;
                    break;
                case "state" when id != d.InitialState && d.States.Any(s => s.Id == id):
                    d = d with
                    {
                        States = d.States.Where(s => s.Id != id).ToList(),
                        Transitions = d.Transitions.Where(t => t.From != id && t.To != id).ToList(),
                    };
                    leftOut.Add($"The state '{id}' and its arrows are left out.");
                    changed = true;
                    break;
                case "finding" when d.Findings.ContainsKey(id):
                    d = d with { Findings = d.Findings.Where(f => f.Key != id).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal) };
                    leftOut.Add($"The finding '{id}' is left out.");
                    changed = true;
                    break;
                case "parameter" when d.Parameters.ContainsKey(id):
                    d = d with { Parameters = d.Parameters.Where(p => p.Key != id).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) };
                    leftOut.Add($"The parameter '{id}' is left out.");
                    changed = true;
                    break;
                case "event" when d.Events.ContainsKey(id):
                    d = d with { Events = d.Events.Where(e => e.Key != id).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal) };
                    leftOut.Add($"The event '{id}' is left out.");
                    changed = true;
                    break;
            }
        }
        return changed ? d : null;
    }
}
