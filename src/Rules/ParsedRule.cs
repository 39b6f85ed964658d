using System.Linq.Expressions;

namespace SendWorkflow.Rules;

/// <summary>A rule parsed and checked: its condition as a lambda over what it reads, ready for NRules or a delegate.</summary>
/// <param name="Name">The rule's key, e.g. a transition id.</param>
/// <param name="Condition">(facts, data, params, reviews, found) => the rule, with findings.X read from found.</param>
internal sealed record ParsedRule(string Name, LambdaExpression Condition)
{
    public Expression Body => Condition.Body;

    /// <summary>Whether the rule reads a parameter of the lambda (so NRules need only join what it uses).</summary>
    public bool Reads(ParameterExpression parameter) => ParameterFinder.Uses(Body, parameter);

    public static bool UsesParameter(Expression expression, ParameterExpression parameter) => ParameterFinder.Uses(expression, parameter);

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        private bool _found;

        public static bool Uses(Expression body, ParameterExpression parameter)
        {
            var finder = new ParameterFinder(parameter);
            finder.Visit(body);
            return finder._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= node == parameter;
            return node;
        }
    }
}
