using System.Globalization;
using System.Linq.Expressions;

namespace SendWorkflow.Rules;

/// <summary>Writes a parsed rule (or part of one) back as a SENCo would read it, and names the values it reads.</summary>
internal static class RulePrinter
{
    private static readonly HashSet<string> DataReaders = [nameof(EventData.Text), nameof(EventData.Number), nameof(EventData.Flag),
        nameof(EventData.Has)];

    public static string Print(Expression e, RuleParser parser) => RuleExplainer.Unwrap(e) switch
    {
        BinaryExpression b when b.NodeType == ExpressionType.ArrayIndex => $"{Print(b.Left, parser)}[{Print(b.Right, parser)}]",
        BinaryExpression b => $"{Operand(b.Left, parser, b.NodeType, left: true)} {Symbol(b.NodeType)} {Operand(b.Right, parser, b.NodeType)}",
        UnaryExpression { NodeType: ExpressionType.Not } u => $"!{Operand(u.Operand, parser)}",
        UnaryExpression { NodeType: ExpressionType.Negate } u => $"-{Operand(u.Operand, parser)}",
        ConstantExpression c => Literal(c.Value),
        ParameterExpression p => p.Name ?? "it",
        MemberExpression { Expression: ParameterExpression p } m when p == parser.Facts || p == parser.Params => $"{p.Name}.{m.Member.Name}",
        MemberExpression { Expression: null } m => $"{m.Member.DeclaringType?.Name}.{m.Member.Name}",
        MemberExpression m => $"{Print(m.Expression!, parser)}.{m.Member.Name}",
        MethodCallExpression c when c.Method == Finding.HoldsMethod => "findings." + Finding.PropertyName(Text(c.Arguments[1])),
        MethodCallExpression { Object: { } target } c => $"{Print(target, parser)}.{c.Method.Name}({Arguments(c.Arguments, parser)})",
        MethodCallExpression c when c.Method.DeclaringType == typeof(Enumerable) && c.Arguments.Count > 0 =>
            $"{Print(c.Arguments[0], parser)}.{c.Method.Name}({Arguments(c.Arguments.Skip(1), parser)})",
        MethodCallExpression c => $"{c.Method.DeclaringType?.Name}.{c.Method.Name}({Arguments(c.Arguments, parser)})",
        LambdaExpression l => $"{string.Join(", ", l.Parameters.Select(p => p.Name))} => {Print(l.Body, parser)}",
        NewArrayExpression a => Arguments(a.Expressions, parser),
        ConditionalExpression c => $"{Operand(c.Test, parser)} ? {Operand(c.IfTrue, parser)} : {Operand(c.IfFalse, parser)}",
        var other => other.ToString(),
    };

    /// <summary>The name of a value read, e.g. "SchoolWeeksInStage", "earlyInterventionWeeks", "by" or "findings.X".</summary>
    public static string Name(Expression e, RuleParser parser) => RuleExplainer.Unwrap(e) switch
    {
        MemberExpression { Expression: ParameterExpression p } m when p == parser.Facts || p == parser.Params => m.Member.Name,
        MethodCallExpression { Object: ParameterExpression p } c when p == parser.Data && c.Arguments is [ConstantExpression field] =>
            Text(field),
        var other => Print(other, parser),
    };

    /// <summary>The values a condition reads from facts, params, data and findings, each once.</summary>
    public static IReadOnlyList<(string Name, Expression Expression)> Leaves(Expression e, RuleParser parser)
    {
        var finder = new LeafFinder(parser);
        finder.Visit(e);
        return finder.Found;
    }

    public static string Symbol(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        ExpressionType.Add => "+",
        ExpressionType.Subtract => "-",
        ExpressionType.Multiply => "*",
        ExpressionType.Divide => "/",
        ExpressionType.Modulo => "%",
        ExpressionType.Coalesce => "??",
        var other => other.ToString(),
    };

    // Brackets only where the reader needs them: around a part that binds more loosely than what contains it.
    // Operators of one level read left to right, so only the right-hand side of one needs brackets.
    private static string Operand(Expression e, RuleParser parser, ExpressionType? within = null, bool left = false) =>
        RuleExplainer.Unwrap(e) is BinaryExpression { NodeType: not ExpressionType.ArrayIndex } inner
            && (within is null || Precedence(inner.NodeType) < Precedence(within.Value) + (left ? 0 : 1))
            ? $"({Print(e, parser)})"
            : Print(e, parser);

    private static int Precedence(ExpressionType type) => type switch
    {
        ExpressionType.Coalesce => 0,
        ExpressionType.OrElse => 1,
        ExpressionType.AndAlso => 2,
        ExpressionType.Equal or ExpressionType.NotEqual => 3,
        ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual => 4,
        ExpressionType.Add or ExpressionType.Subtract => 5,
        _ => 6,
    };

    private static string Arguments(IEnumerable<Expression> arguments, RuleParser parser) =>
        string.Join(", ", arguments.Select(a => Print(a, parser)));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        Progress p => $"Progress.{p}",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Text(Expression e) => (e as ConstantExpression)?.Value as string ?? "";

    private sealed class LeafFinder(RuleParser parser) : ExpressionVisitor
    {
        public List<(string Name, Expression Expression)> Found { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ParameterExpression p && (p == parser.Facts || p == parser.Params))
            {
                Add(node.Member.Name, node);
                return node;
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method == Finding.HoldsMethod)
            {
                Add(Print(node, parser), node);
                return node;
            }

            if (node.Object is ParameterExpression p && p == parser.Data && DataReaders.Contains(node.Method.Name)
                && node.Arguments is [ConstantExpression field])
            {
                Add(Text(field), node);
                return node;
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitLambda<T>(Expression<T> node) => node;

        private void Add(string name, Expression expression)
        {
            if (!Found.Any(f => f.Name == name))
            {
                Found.Add((name, expression));
            }
        }
    }
}
