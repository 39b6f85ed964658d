using System.Globalization;
using System.Linq.Expressions;

namespace SendWorkflow.Rules;

/// <summary>
/// Splits a rule into its conditions (the parts joined by &amp;&amp;) and evaluates each, and each value it reads, on its own:
/// what the journal records when a rule fires and what "why is this pupil still here?" shows. Delegates are built on
/// first use, since most rules are never explained.
/// </summary>
internal sealed class RuleExplainer
{
    private static readonly HashSet<ExpressionType> Comparisons =
    [
        ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.LessThan, ExpressionType.LessThanOrEqual,
        ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual,
    ];

    private readonly RuleParser _parser;
    private readonly Lazy<IReadOnlyList<Part>> _parts;

    public RuleExplainer(RuleParser parser, ParsedRule rule)
    {
        _parser = parser;
        _parts = new Lazy<IReadOnlyList<Part>>(() => Conjuncts(rule.Body).Where(c => c is not ConstantExpression).Select(Build).ToList());
    }

    public RuleExplanation Explain(string text, RuleInput input, object parameters, IReadOnlyList<string> findings)
    {
        var found = findings.Select(f => new Finding(f)).ToList();
        object?[] args = [input.Facts, input.Data, parameters, input.Reviews, found];
        var conditions = _parts.Value.Select(p => p.Explain(args)).ToList();
        return new RuleExplanation("", text, conditions.All(c => c.Holds), conditions) { Findings = findings };
    }

    private Part Build(Expression condition)
    {
        var comparison = Unwrap(condition) is BinaryExpression b && Comparisons.Contains(b.NodeType) ? b : null;
        var reads = RulePrinter.Leaves(condition, _parser).Select(l => (l.Name, Compile(l.Expression))).ToList();
        var compared = comparison is not null
            ? (RulePrinter.Name(Unwrap(comparison.Left), _parser), RulePrinter.Symbol(comparison.NodeType),
                Compile(Unwrap(comparison.Left)), Compile(Unwrap(comparison.Right)))
            : OneOf(condition) is var (subject, options)
                ? (RulePrinter.Name(subject, _parser), ConditionExplanation.OneOf, Compile(subject),
                    _ => string.Join(" or ", options.Select(Format)))
                : ((string, string, Func<object?[], object?>, Func<object?[], object?>)?)null;
        return new Part(RulePrinter.Print(condition, _parser), Compile(condition), compared,
            ParsedRule.UsesParameter(condition, _parser.Data), reads);
    }

    // "x == a || x == b || ...", with the same x each time and constants to compare with: x and the constants.
    private static (Expression Subject, IReadOnlyList<object?> Options)? OneOf(Expression condition)
    {
        var options = new List<object?>();
        Expression? subject = null;
        foreach (var part in Disjuncts(Unwrap(condition)))
        {
            if (Unwrap(part) is not BinaryExpression { NodeType: ExpressionType.Equal } equal
                || Unwrap(equal.Right) is not ConstantExpression constant
                || (subject is not null && !ExpressionEquals(subject, Unwrap(equal.Left))))
            {
                return null;
            }

            subject ??= Unwrap(equal.Left);
            options.Add(constant.Value);
        }

        return subject is null || options.Count < 2 ? null : (subject, options);
    }

    private static IEnumerable<Expression> Disjuncts(Expression e) => e.NodeType == ExpressionType.OrElse
        ? Disjuncts(Unwrap(((BinaryExpression)e).Left)).Concat(Disjuncts(Unwrap(((BinaryExpression)e).Right)))
        : [e];

    // Two reads of the same value: the same member of the same parameter, or the same data accessor and field.
    private static bool ExpressionEquals(Expression a, Expression b) => (a, b) switch
    {
        (MemberExpression x, MemberExpression y) => x.Member == y.Member && x.Expression == y.Expression,
        (MethodCallExpression x, MethodCallExpression y) => x.Method == y.Method && x.Object == y.Object
            && x.Arguments.Count == y.Arguments.Count
            && x.Arguments.Zip(y.Arguments).All(p => p.First is ConstantExpression c && p.Second is ConstantExpression d && Equals(c.Value, d.Value)),
        _ => false,
    };

    private Func<object?[], object?> Compile(Expression body)
    {
        var args = Expression.Parameter(typeof(object[]), "args");
        ParameterExpression[] parameters = [_parser.Facts, _parser.Data, _parser.Params, _parser.Reviews, _parser.Found];
        var bound = Expression.Block(
            parameters,
            parameters.Select((p, i) => (Expression)Expression.Assign(p, Argument(args, i, p.Type)))
                .Append(Expression.Convert(body, typeof(object))));
        return Expression.Lambda<Func<object?[], object?>>(bound, args).Compile();
    }

    private static UnaryExpression Argument(ParameterExpression args, int index, Type type) =>
        Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(index)), type);

    private static IEnumerable<Expression> Conjuncts(Expression body) => body.NodeType == ExpressionType.AndAlso
        ? Conjuncts(((BinaryExpression)body).Left).Concat(Conjuncts(((BinaryExpression)body).Right))
        : [body];

    internal static Expression Unwrap(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? Unwrap(u.Operand) : e;

    internal static string Format(object? value) => value switch
    {
        null => "nothing",
        Progress p => p.ToString().ToLowerInvariant(),
        bool b => b ? "true" : "false",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed record Part(
        string Text,
        Func<object?[], object?> Holds,
        (string Subject, string Operator, Func<object?[], object?> Left, Func<object?[], object?> Right)? Comparison,
        bool ReadsData,
        IReadOnlyList<(string Name, Func<object?[], object?> Value)> Reads)
    {
        public ConditionExplanation Explain(object?[] args)
        {
            var (holds, error) = Try(Holds, args);
            var reads = Reads.Select(r => new ValueRead(r.Name, Format(Try(r.Value, args).Value))).ToList();
            var explained = new ConditionExplanation(Text, holds is true, null, null, null, null)
            {
                ReadsEventData = ReadsData,
                Reads = reads,
                Error = error,
            };
            return Comparison is not { } c
                ? explained
                : explained with
                {
                    Subject = c.Subject,
                    Operator = c.Operator,
                    Value = Format(Try(c.Left, args).Value),
                    Needs = Format(Try(c.Right, args).Value),
                };
        }

        private static (object? Value, string? Error) Try(Func<object?[], object?> f, object?[] args)
        {
            try
            {
                return (f(args), null);
            }
            catch (Exception exception)
            {
                return (null, exception.Message);
            }
        }
    }
}
