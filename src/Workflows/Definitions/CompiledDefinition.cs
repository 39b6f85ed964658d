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

    /// <summary>Whether a task of the state is created on entering it: its condition, if it has one, holds.</summary>
    public bool TaskApplies(string stateId, TaskDefinition task, Facts facts) =>
        task.If is null || Rules.Evaluate(DefinitionValidator.TaskConditionKey(stateId, task.Id), facts, EventData.Empty);

    /// <summary>
    /// The same version with some parameters set to other values (a borough's timelines): rules are compiled again,
    /// since they read parameters as constants. Names the version does not have are ignored.
    /// </summary>
    public CompiledDefinition WithParameters(IReadOnlyDictionary<string, double> values)
    {
        var changed = Definition.Parameters.ToDictionary(
            p => p.Key,
            p => values.TryGetValue(p.Key, out var v) ? p.Value with { Default = v } : p.Value,
            StringComparer.Ordinal);
        var definition = Definition with { Parameters = changed };
        var rules = DefinitionValidator.CompileRules(definition);
        if (rules.RuleSet is null || rules.Errors.Count > 0)
        {
            throw new DefinitionValidationException(Id,
                rules.Errors.Select(e => new DefinitionProblem("rule-does-not-compile", e.Message, "definition", null)).ToList());
        }
        return new CompiledDefinition(definition, rules.RuleSet);
    }

    /// <summary>The parameter's value in the unit it is declared in (the rules see the same number).</summary>
    public (double Amount, string Unit) Parameter(string name) =>
        (Parameters[name], Definition.Parameters[name].Unit);
}
