using System.Diagnostics.CodeAnalysis;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;

namespace SendWorkflow.Rules;

/// <summary>
/// Turns rule text into a checked expression tree with System.Linq.Dynamic.Core: only facts, data, params, findings,
/// reviews and a fixed set of types are visible, and <see cref="RuleSafety"/> vets the tree before it is used.
/// </summary>
internal sealed class RuleParser
{
    private static readonly ParsingConfig Config = new()
    {
        CustomTypeProvider = new RuleTypes(),
        IsCaseSensitive = false,
        // Keeps 'params.typo' an error instead of an indexer lookup at run time.
        DisableMemberAccessToIndexAccessorFallback = true,
    };

    private readonly IReadOnlyCollection<string> _parameterNames;
    private readonly IReadOnlyDictionary<string, string> _findingIds;

    /// <param name="parameterNames">Names readable as params.name.</param>
    /// <param name="findingIds">The definition's finding ids, readable as findings.PropertyName; empty for none.</param>
    public RuleParser(IReadOnlyCollection<string> parameterNames, IReadOnlyCollection<string> findingIds)
    {
        _parameterNames = parameterNames;
        _findingIds = findingIds.GroupBy(Finding.PropertyName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Params = Expression.Parameter(RuleParameters.TypeFor(parameterNames), "params");
        Findings = Expression.Parameter(RuleParameters.TypeFor(_findingIds.Keys, typeof(bool)), "findings");
    }

    public ParameterExpression Facts { get; } = Expression.Parameter(typeof(Facts), "facts");

    public ParameterExpression Data { get; } = Expression.Parameter(typeof(EventData), "data");

    public ParameterExpression Params { get; }

    public ParameterExpression Reviews { get; } = Expression.Parameter(typeof(IEnumerable<Review>), "reviews");

    /// <summary>What findings.X reads once parsed: the findings NRules has derived.</summary>
    public ParameterExpression Found { get; } = Expression.Parameter(typeof(IEnumerable<Finding>), "found");

    private ParameterExpression Findings { get; }

    /// <param name="rule">The rule text.</param>
    /// <param name="findingsVisible">False for a finding's own rule: findings are derived from facts, not from each other.</param>
    /// <param name="parsed">The checked rule.</param>
    /// <param name="error">Why it was refused.</param>
    public bool TryParse(RuleSource rule, bool findingsVisible, [NotNullWhen(true)] out ParsedRule? parsed,
        [NotNullWhen(false)] out RuleError? error)
    {
        parsed = null;
        if (!TryParseBody(rule, findingsVisible, out var body, out error))
        {
            return false;
        }

        var rewritten = new FindingReader(Findings, Found, _findingIds).Visit(body);
        parsed = new ParsedRule(rule.Name, Expression.Lambda(rewritten, Facts, Data, Params, Reviews, Found));
        return true;
    }

    private bool TryParseBody(RuleSource rule, bool findingsVisible, [NotNullWhen(true)] out Expression? body,
        [NotNullWhen(false)] out RuleError? error)
    {
        body = null;
        error = null;
        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            error = new RuleError(rule.Name, "The rule is empty. Write a yes/no condition, or 'true' if it always applies.");
            return false;
        }

        ParameterExpression[] visible = findingsVisible ? [Facts, Data, Params, Findings, Reviews] : [Facts, Data, Params, Reviews];
        try
        {
            body = DynamicExpressionParser.ParseLambda(Config, false, visible, null, rule.Expression).Body;
        }
        catch (ParseException exception)
        {
            var message = FriendlyErrors.Translate(exception.Message, Params.Type, _parameterNames);
            error = new RuleError(rule.Name, $"{message} (at character {exception.Position + 1})");
            return false;
        }
        catch (Exception exception)
        {
            // The designer sends whatever has been typed so far, so any failure to build the tree (e.g. comparing
            // text with a number, which fails after parsing) is the rule's problem, not the caller's.
            error = new RuleError(rule.Name, FriendlyErrors.Translate(exception.Message, Params.Type, _parameterNames));
            return false;
        }

        var violation = RuleSafety.FindViolation(body, Params.Type, Findings.Type);
        if (violation is not null)
        {
            error = new RuleError(rule.Name, violation);
        }
        else if (body.Type != typeof(bool))
        {
            error = new RuleError(
                rule.Name,
                $"The rule must be a yes/no condition, but it gives {FriendlyErrors.Describe(body.Type)}. "
                + "Compare it with something, e.g. 'facts.Stage >= 2'.");
        }

        return error is null;
    }

    /// <summary>Replaces findings.X with a look into the derived findings, so NRules sees a join on them.</summary>
    private sealed class FindingReader(ParameterExpression findings, ParameterExpression found, IReadOnlyDictionary<string, string> ids)
        : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == findings
                ? Expression.Call(Finding.HoldsMethod, found, Expression.Constant(ids[node.Member.Name]))
                : base.VisitMember(node);
    }
}
