using System.Collections.Frozen;
using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules;
using NRules.Extensibility;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace SendWorkflow.Rules;

/// <summary>
/// The rules of one definition version as NRules networks: one rule per deciding rule and one per finding, inserting a
/// linked <see cref="Finding"/> while it holds. The rules that answer one question (a state and an event) compete, so
/// each question gets its own session factory holding its rules and the findings, all compiled when the version is:
/// a session then builds memory for a handful of nodes, not the whole definition's (a third of the allocations and
/// time). A factory is safe to share; every decision opens its own session (a session is not).
/// </summary>
internal sealed class RuleNetwork
{
    /// <summary>Findings fire before any decision, so decisions see every finding that holds.</summary>
    public const string FindingPrefix = "finding:";

    private const int FindingSalience = 1_000_000;

    private static readonly System.Reflection.MethodInfo Record = typeof(RuleRun).GetMethod(nameof(RuleRun.Record))!;
    private static readonly System.Reflection.MethodInfo InsertLinked = typeof(IContext).GetMethod(nameof(IContext.InsertLinked))!;

    private readonly FrozenDictionary<string, ISessionFactory> _byQuestion;
    private readonly ISessionFactory _findingsOnly;

    private readonly IReadOnlyList<ParsedRule> _findings;

    private RuleNetwork(FrozenDictionary<string, ISessionFactory> byQuestion, ISessionFactory findingsOnly, IReadOnlyList<ParsedRule> findings)
    {
        _byQuestion = byQuestion;
        _findingsOnly = findingsOnly;
        _findings = findings;
    }

    /// <summary>Whether a finding's rule reads the parameter (e.g. reviews).</summary>
    public bool FindingsRead(ParameterExpression parameter) => _findings.Any(f => f.Reads(parameter));

    /// <param name="parser">The parser the rules were parsed with (its parameters name the declarations).</param>
    /// <param name="deciding">Rules with their question, highest salience first.</param>
    /// <param name="findings">Finding rules, by finding id.</param>
    public static RuleNetwork Build(RuleParser parser, IReadOnlyList<(ParsedRule Rule, string Question)> deciding,
        IReadOnlyList<ParsedRule> findings)
    {
        var findingRules = findings.Select(f => FindingRule(parser, f)).ToList();
        // Salience falls with the order given, so among a question's rules the first in order fires first.
        var byQuestion = deciding.Select((d, i) => (d.Question, Rule: Deciding(parser, d.Rule, -i)))
            .GroupBy(d => d.Question, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => Compile(g.Select(d => d.Rule).Concat(findingRules)), StringComparer.Ordinal);
        return new RuleNetwork(byQuestion, Compile(findingRules), findings);
    }

    private static ISessionFactory Compile(IEnumerable<IRuleDefinition> rules)
    {
        var factory = new NRules.RuleCompiler { ExpressionCompiler = new FastCompiler() }.Compile(rules);
        // A condition that throws (text that is null, a division by zero) simply doesn't hold; the run notes it.
        factory.Events.LhsExpressionFailedEvent += (sender, e) =>
        {
            e.IsHandled = true;
            if (sender is ISession { DependencyResolver: RuleRun run })
            {
                run.Failed(e.Rules.Select(r => r.Name), e.Exception!);
            }
        };
        return factory;
    }

    /// <summary>Asks a question: inserts the facts, fires, and returns what fired and the findings that hold.</summary>
    public (RuleRun Run, IReadOnlyList<string> Findings) Ask(string question, bool firstOnly, RuleInput input, object parameters)
    {
        var run = new RuleRun(firstOnly);
        var session = Open(run, question, input, parameters);
        session.Fire();
        return (run, _findings.Count > 0 ? FindingsIn(session) : []);
    }

    /// <summary>A session kept open, for watching findings follow changing facts.</summary>
    public ISession Open(RuleRun run, string question, RuleInput input, object parameters)
    {
        var session = _byQuestion.GetValueOrDefault(question, _findingsOnly).CreateSession();
        session.DependencyResolver = run;
        session.Insert(input.Facts);
        session.Insert(input.Data);
        session.Insert(parameters);
        if (input.Reviews.Count > 0)
        {
            session.InsertAll(input.Reviews);
        }

        return session;
    }

    public static IReadOnlyList<string> FindingsIn(ISession session) =>
        session.Query<Finding>().AsEnumerable().Select(f => f.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    private static IRuleDefinition Deciding(RuleParser parser, ParsedRule rule, int salience)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Name);
        builder.Priority(salience);
        Conditions(parser, builder.LeftHandSide(), rule);
        var context = Expression.Parameter(typeof(IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda(Expression.Call(Record, context), context));
        return builder.Build();
    }

    private static IRuleDefinition FindingRule(RuleParser parser, ParsedRule finding)
    {
        var builder = new RuleBuilder();
        builder.Name(FindingPrefix + finding.Name);
        builder.Priority(FindingSalience);
        Conditions(parser, builder.LeftHandSide(), finding);
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var insert = Expression.Call(context, InsertLinked, Expression.Constant("finding", typeof(object)),
            Expression.New(typeof(Finding).GetConstructor([typeof(string)])!, Expression.Constant(finding.Name)));
        // Inserted once when the rule starts to hold; NRules withdraws it when the match goes.
        builder.RightHandSide().Action(Expression.Lambda(insert, context), ActionTrigger.Activated);
        return builder.Build();
    }

    /// <summary>Patterns for what the rule reads, joined by its condition on the last of them.</summary>
    private static void Conditions(RuleParser parser, GroupBuilder lhs, ParsedRule rule)
    {
        var declared = new List<ParameterExpression> { parser.Facts, parser.Data, parser.Params };
        var last = lhs.Pattern(typeof(Facts), parser.Facts.Name);
        last = lhs.Pattern(typeof(EventData), parser.Data.Name);
        last = lhs.Pattern(parser.Params.Type, parser.Params.Name);
        if (rule.Reads(parser.Reviews))
        {
            last = Collected(lhs, parser.Reviews, typeof(Review));
            declared.Add(parser.Reviews);
        }

        if (rule.Reads(parser.Found))
        {
            last = Collected(lhs, parser.Found, typeof(Finding));
            declared.Add(parser.Found);
        }

        last.Condition(Expression.Lambda(rule.Body, declared));
    }

    // An aggregate: every fact of the type, as one collection (empty when there are none).
    private static PatternBuilder Collected(GroupBuilder lhs, ParameterExpression declaration, Type elementType)
    {
        var pattern = lhs.Pattern(declaration.Type, declaration.Name);
        var aggregate = pattern.Aggregate();
        aggregate.Collect();
        aggregate.Pattern(elementType, declaration.Name + "Item");
        return pattern;
    }

    private sealed class FastCompiler : IExpressionCompiler
    {
        public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
            where TDelegate : Delegate => expression.CompileFast();
    }
}
