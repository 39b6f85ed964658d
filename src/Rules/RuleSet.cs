using System.Collections.Frozen;

namespace SendWorkflow.Rules;

/// <summary>
/// The compiled rules of one definition version, decided by NRules. Immutable and thread-safe; compile once and cache.
/// Parameters are a fact, so the same rules serve every borough's values without compiling again.
/// </summary>
public sealed class RuleSet
{
    private readonly string _scope;
    private readonly RuleNetwork _network;
    private readonly RuleParser _parser;
    private readonly FrozenDictionary<string, (ParsedRule Rule, string Question, string Text)> _rules;
    private readonly object _parameters;
    private readonly FrozenDictionary<string, RuleExplainer> _explainers;

    private RuleSet(string scope, RuleNetwork network, RuleParser parser,
        FrozenDictionary<string, (ParsedRule Rule, string Question, string Text)> rules, IReadOnlyCollection<string> names,
        IReadOnlyCollection<string> findingIds, IReadOnlyDictionary<string, double> parameters)
    {
        _scope = scope;
        _network = network;
        _parser = parser;
        _rules = rules;
        RuleNames = names;
        FindingIds = findingIds;
        Parameters = parameters;
        _parameters = RuleParameters.Create(parser.Params.Type, parameters);
        _explainers = rules.ToFrozenDictionary(r => r.Key, r => new RuleExplainer(parser, r.Value.Rule), StringComparer.Ordinal);
        ReadsReviews = rules.Values.Any(r => r.Rule.Reads(parser.Reviews)) || network.FindingsRead(parser.Reviews);
    }

    // The same rules, network and explanations with other parameter values: nothing is compiled or built again.
    private RuleSet(RuleSet source, IReadOnlyDictionary<string, double> parameters)
    {
        (_scope, _network, _parser, _rules, _explainers) = (source._scope, source._network, source._parser, source._rules, source._explainers);
        (RuleNames, FindingIds, ReadsReviews) = (source.RuleNames, source.FindingIds, source.ReadsReviews);
        Parameters = parameters;
        _parameters = RuleParameters.Create(_parser.Params.Type, parameters);
    }

    /// <summary>Whether any rule or finding reads <c>reviews</c>: when none does, they need not be gathered for a decision.</summary>
    public bool ReadsReviews { get; }

    /// <summary>How errors of a finding's rule are named: "finding:" and the finding's id.</summary>
    public const string FindingPrefix = RuleNetwork.FindingPrefix;

    public IReadOnlyCollection<string> RuleNames { get; }

    public IReadOnlyCollection<string> FindingIds { get; }

    /// <summary>The values rules read as params.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; }

    /// <param name="scope">Names the definition version in messages, e.g. "send-pathway v3".</param>
    /// <param name="rules">The rules to compile; names must be unique.</param>
    /// <param name="parameters">The version's numeric parameters, readable in rules as params.name.</param>
    /// <param name="findings">Facts derived by rules, named by their id (readable as findings.PropertyName).</param>
    public static RuleSetResult Compile(string scope, IReadOnlyList<RuleSource> rules, IReadOnlyDictionary<string, double> parameters,
        IReadOnlyList<RuleSource>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(parameters);
        findings ??= [];

        var parsed = ParseAll(rules, parameters, findings);
        if (parsed.Errors.Count > 0)
        {
            return new RuleSetResult(null, parsed.Errors);
        }

        var deciding = parsed.Ordered.OrderBy(r => r.Priority).ThenBy(r => r.Index).Select(r => (r.Rule, r.Question)).ToList();
        var network = RuleNetwork.Build(parsed.Parser, deciding, parsed.Findings);
        var set = new RuleSet(scope, network, parsed.Parser, parsed.Rules.ToFrozenDictionary(StringComparer.Ordinal), parsed.Names,
            findings.Select(f => f.Name).ToList(), parameters);
        return new RuleSetResult(set, []);
    }

    /// <summary>Every problem <see cref="Compile"/> would report, without building the rules network (for checking a draft).</summary>
    public static IReadOnlyList<RuleError> Check(IReadOnlyList<RuleSource> rules, IReadOnlyDictionary<string, double> parameters,
        IReadOnlyList<RuleSource>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(parameters);
        return ParseAll(rules, parameters, findings ?? []).Errors;
    }

    /// <summary>The same rules reading other parameter values (a borough's timelines); nothing is compiled again.</summary>
    public RuleSet WithParameters(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var merged = Parameters.ToDictionary(p => p.Key, p => values.TryGetValue(p.Key, out var v) ? v : p.Value, StringComparer.Ordinal);
        return new RuleSet(this, merged);
    }

    /// <summary>Hit policy "first": NRules' agenda orders the question's rules by salience and the first to fire decides.</summary>
    public Decision Decide(string question, RuleInput input) => Ask(question, firstOnly: true, input);

    /// <summary>Every rule of the question that holds (a state's task conditions).</summary>
    public Decision AllThatHold(string question, RuleInput input) => Ask(question, firstOnly: false, input);

    /// <summary>The findings that hold for these facts.</summary>
    public IReadOnlyList<string> Findings(RuleInput input) => Ask("", firstOnly: false, input).Findings;

    /// <summary>Whether one rule holds: its question is asked and the answer is whether this rule fired.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that name.</exception>
    public bool Evaluate(string ruleName, Facts facts, EventData data) => Evaluate(ruleName, new RuleInput(facts, data));

    /// <inheritdoc cref="Evaluate(string, Facts, EventData)"/>
    public bool Evaluate(string ruleName, RuleInput input)
    {
        var (_, question, _) = Find(ruleName);
        return AllThatHold(question, input).Fired.Contains(ruleName, StringComparer.Ordinal);
    }

    /// <summary>Each condition of the rule (the parts joined by &amp;&amp;) with its current values, and whether it holds.</summary>
    public RuleExplanation Explain(string ruleName, RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (_, _, text) = Find(ruleName);
        var findings = Findings(input);
        return _explainers[ruleName].Explain(text, input, _parameters, findings) with { Rule = ruleName, Holds = Evaluate(ruleName, input) };
    }

    /// <summary>
    /// Why a rule that just fired held: its conditions with the values they read, using the findings of the decision
    /// (no further session is run). What the journal records for a transition.
    /// </summary>
    public RuleExplanation ExplainMatch(string ruleName, RuleInput input, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(decision);
        var (_, _, text) = Find(ruleName);
        return _explainers[ruleName].Explain(text, input, _parameters, decision.Findings) with { Rule = ruleName };
    }

    /// <summary>A session left open, for tests that watch findings follow facts that change.</summary>
    internal NRules.ISession Open(RuleRun run, string question, RuleInput input) => _network.Open(run, question, input, _parameters);

    private (ParsedRule Rule, string Question, string Text) Find(string ruleName) =>
        _rules.TryGetValue(ruleName, out var rule) ? rule : throw new KeyNotFoundException($"{_scope} has no rule named '{ruleName}'.");

    private Decision Ask(string question, bool firstOnly, RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (run, findings) = _network.Ask(question, firstOnly, input, _parameters);
        var fired = run.Fired.ToList();
        return new Decision(fired.FirstOrDefault(), fired, findings, run.Errors);
    }

    private static Parsed ParseAll(IReadOnlyList<RuleSource> rules, IReadOnlyDictionary<string, double> parameters,
        IReadOnlyList<RuleSource> findings)
    {
        var errors = new List<RuleError>(RuleParameters.Validate(parameters.Keys));
        errors.AddRange(FindingErrors(findings));
        var parser = new RuleParser(parameters.Keys.ToArray(), findings.Select(f => f.Name).ToArray());
        var result = new Parsed(parser, errors);
        if (errors.Count > 0)
        {
            return result;
        }

        foreach (var finding in findings)
        {
            if (parser.TryParse(finding, findingsVisible: false, out var ok, out var error))
            {
                result.Findings.Add(ok);
            }
            else
            {
                errors.Add(error with { RuleName = FindingPrefix + finding.Name });
            }
        }

        foreach (var rule in rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add(new RuleError(rule.Name ?? "", $"A rule has no name (expression: {rule.Expression})."));
            }
            else if (result.Names.Contains(rule.Name, StringComparer.Ordinal))
            {
                errors.Add(new RuleError(rule.Name, "More than one rule has this name."));
            }
            else if (Parse(parser, rule, findingsVisible: true, errors) is { } ok)
            {
                var question = rule.Question ?? "\u0001" + rule.Name;
                result.Rules[rule.Name] = (ok, question, rule.Expression);
                result.Ordered.Add((ok, question, rule.Priority, result.Names.Count));
            }

            result.Names.Add(rule.Name ?? "");
        }

        return result;
    }

    private static ParsedRule? Parse(RuleParser parser, RuleSource rule, bool findingsVisible, List<RuleError> errors)
    {
        if (parser.TryParse(rule, findingsVisible, out var parsed, out var error))
        {
            return parsed;
        }

        errors.Add(error);
        return null;
    }

    private sealed record Parsed(RuleParser Parser, List<RuleError> Errors)
    {
        public List<ParsedRule> Findings { get; } = [];
        public Dictionary<string, (ParsedRule Rule, string Question, string Text)> Rules { get; } = new(StringComparer.Ordinal);
        public List<(ParsedRule Rule, string Question, int Priority, int Index)> Ordered { get; } = [];
        public List<string> Names { get; } = [];
    }

    private static IEnumerable<RuleError> FindingErrors(IReadOnlyList<RuleSource> findings)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var finding in findings)
        {
            var property = Finding.PropertyName(finding.Name ?? "");
            if (property.Length == 0 || !char.IsLetter(property[0]) || !property.All(char.IsLetterOrDigit))
            {
                yield return new RuleError(finding.Name ?? "", "A finding's id is made of letters, digits and dashes, starting with a letter.");
            }
            else if (!seen.Add(property))
            {
                yield return new RuleError(finding.Name!, $"More than one finding is read as findings.{property}.");
            }
        }
    }
}
