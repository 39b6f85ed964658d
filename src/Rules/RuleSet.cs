using System.Collections.Frozen;

namespace SendWorkflow.Rules;

/// <summary>The compiled rules of one definition version. Immutable and thread-safe; compile once and cache.</summary>
public sealed class RuleSet
{
    private readonly string _scope;
    private readonly FrozenDictionary<string, Func<Facts, EventData, bool>> _rules;

    private RuleSet(string scope, IReadOnlyCollection<string> ruleNames, FrozenDictionary<string, Func<Facts, EventData, bool>> rules)
    {
        _scope = scope;
        RuleNames = ruleNames;
        _rules = rules;
    }

    public IReadOnlyCollection<string> RuleNames { get; }

    /// <param name="scope">Names the definition version in messages, e.g. "send-pathway v3".</param>
    /// <param name="rules">The rules to compile; names must be unique.</param>
    /// <param name="parameters">The version's numeric parameters, readable in rules as params.name.</param>
    public static RuleSetResult Compile(string scope, IReadOnlyList<RuleSource> rules, IReadOnlyDictionary<string, double> parameters)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(parameters);

        var errors = new List<RuleError>(RuleParameters.Validate(parameters.Keys));
        if (errors.Count > 0)
        {
            return new RuleSetResult(null, errors);
        }

        var compiler = new RuleCompiler(parameters.Keys.ToArray());
        var parameterValues = RuleParameters.Create(compiler.Params.Type, parameters);
        var compiled = new Dictionary<string, Func<Facts, EventData, bool>>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var rule in rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add(new RuleError(rule.Name ?? "", $"A rule has no name (expression: {rule.Expression})."));
            }
            else if (names.Contains(rule.Name, StringComparer.Ordinal))
            {
                errors.Add(new RuleError(rule.Name, "More than one rule has this name."));
            }
            else if (compiler.TryParse(rule, out var body, out var error))
            {
                compiled[rule.Name] = compiler.Compile(body, parameterValues);
            }
            else
            {
                errors.Add(error);
            }

            names.Add(rule.Name ?? "");
        }

        return errors.Count > 0
            ? new RuleSetResult(null, errors)
            : new RuleSetResult(new RuleSet(scope, names.AsReadOnly(), compiled.ToFrozenDictionary(StringComparer.Ordinal)), []);
    }

    /// <exception cref="KeyNotFoundException">No rule has that name.</exception>
    public bool Evaluate(string ruleName, Facts facts, EventData data)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(data);
        if (!_rules.TryGetValue(ruleName, out var rule))
        {
            throw new KeyNotFoundException($"{_scope} has no rule named '{ruleName}'.");
        }

        try
        {
            return rule(facts, data);
        }
        catch (Exception)
        {
            // A rule that cannot be evaluated (e.g. text that is null) must not block the pupil's workflow;
            // not holding is the safe reading, and the definition's other transitions still apply.
            return false;
        }
    }

    /// <summary>Hit policy "first": the first rule, in the given order, that holds; null when none does.</summary>
    public string? FirstThatHolds(IReadOnlyList<string> ruleNamesInPriorityOrder, Facts facts, EventData data)
    {
        ArgumentNullException.ThrowIfNull(ruleNamesInPriorityOrder);
        foreach (var name in ruleNamesInPriorityOrder)
        {
            if (Evaluate(name, facts, data))
            {
                return name;
            }
        }

        return null;
    }
}
