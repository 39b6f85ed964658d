namespace SendWorkflow.Workflows.Definitions;

/// <summary>A published version made ready to run: indexes and compiled rules, built once and cached.</summary>
public sealed class CompiledDefinition
{
    private readonly Dictionary<(string State, string Event), TransitionDefinition[]> _transitions;
    private readonly Dictionary<string, HashSet<string>> _eventsByState;

    private CompiledDefinition(WorkflowDefinition definition, RuleSet rules)
    {
        Definition = definition;
        Rules = rules;
        States = definition.States.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Parameters = DefinitionValidator.ParameterValues(definition);
        _transitions = definition.Transitions
            .Select((t, index) => (t, index))
            .GroupBy(x => (x.t.From, x.t.On))
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.t.Priority).ThenBy(x => x.index).Select(x => x.t).ToArray());
        _eventsByState = definition.States.ToDictionary(
            s => s.Id,
            s => definition.Transitions.Where(t => t.From == s.Id).Select(t => t.On)
                .Concat(s.Tasks.Select(t => t.Raises).OfType<string>())
                .Concat(s.Tasks.Select(t => t.On).OfType<string>())
                .Concat(s.Timers.Select(t => t.Raises))
                .Concat(s.Timers.Select(t => t.Task?.Raises).OfType<string>())
                .Where(e => !string.IsNullOrWhiteSpace(e))
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public WorkflowDefinition Definition { get; }
    public RuleSet Rules { get; }
    public IReadOnlyDictionary<string, StateDefinition> States { get; }
    public IReadOnlyDictionary<string, double> Parameters { get; }
    public string Id => Definition.Id;
    public int Version => Definition.Version;

    public static CompiledDefinition Compile(WorkflowDefinition definition)
    {
        var report = DefinitionValidator.Validate(definition);
        if (!report.IsValid) throw new DefinitionValidationException(definition.Id, report.Errors);
        var rules = DefinitionValidator.CompileRules(definition);
        return new CompiledDefinition(definition, rules.RuleSet!);
    }

    /// <summary>Transitions leaving the state on the event, in the order their rules are tried.</summary>
    public IReadOnlyList<TransitionDefinition> TransitionsFrom(string state, string eventName) =>
        _transitions.TryGetValue((state, eventName), out var list) ? list : [];

    public bool Handles(string state, string eventName) =>
        _eventsByState.TryGetValue(state, out var events) && events.Contains(eventName);

    public IReadOnlyCollection<string> EventsOf(string state) =>
        _eventsByState.TryGetValue(state, out var events) ? events : [];

    public StateDefinition State(string id) =>
        States.TryGetValue(id, out var s) ? s : throw new UnknownStateException(Id, Version, id);

    /// <summary>
    /// The transition leaving the state on the event that NRules chooses (the first by priority, then file order, whose
    /// rule holds), with the decision: null and no decision when none leaves the state on it.
    /// </summary>
    public (TransitionDefinition? Taken, Decision? Decision) Choose(string state, string eventName, RuleInput input)
    {
        var candidates = TransitionsFrom(state, eventName);
        if (candidates.Count == 0) return (null, null);
        var decision = Rules.Decide(DefinitionValidator.TransitionQuestion(state, eventName), input);
        var taken = decision.Rule is { } id ? candidates.FirstOrDefault(t => t.Id == id) : null;
        return (taken, decision);
    }

    /// <summary>The ids of the state's conditional tasks whose condition holds on entering it, with the decision.</summary>
    public Decision TaskConditions(string stateId, RuleInput input) =>
        Rules.AllThatHold(DefinitionValidator.TaskQuestion(stateId), input);

    /// <summary>Whether a task is created on entering its state: it has no condition, or its condition fired.</summary>
    public static bool TaskApplies(string stateId, TaskDefinition task, Decision? conditions) =>
        task.If is null || conditions?.Fired.Contains(DefinitionValidator.TaskConditionKey(stateId, task.Id), StringComparer.Ordinal) == true;

    /// <summary>
    /// The same version with some parameters set to other values (a borough's timelines). The rules are not compiled
    /// again: they read parameters from a fact, which now carries these values. Names the version does not have are ignored.
    /// </summary>
    public CompiledDefinition WithParameters(IReadOnlyDictionary<string, double> values)
    {
        var changed = Definition.Parameters.ToDictionary(
            p => p.Key,
            p => values.TryGetValue(p.Key, out var v) ? p.Value with { Default = v } : p.Value,
            StringComparer.Ordinal);
        return new CompiledDefinition(Definition with { Parameters = changed }, Rules.WithParameters(values));
    }

    /// <summary>The parameter's value in the unit it is declared in (the rules see the same number).</summary>
    public (double Amount, string Unit) Parameter(string name) =>
        (Parameters[name], Definition.Parameters[name].Unit);
}
