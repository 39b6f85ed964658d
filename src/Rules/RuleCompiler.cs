using System.Diagnostics.CodeAnalysis;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using FastExpressionCompiler;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace SendWorkflow.Rules;

/// <summary>Turns rule text into a checked expression tree with RulesEngine's parser, then into a delegate.</summary>
internal sealed class RuleCompiler
{
    // Shared because RulesEngine builds its type provider by scanning every loaded assembly (milliseconds),
    // while parsing with an existing one takes about 100 microseconds.
    private static readonly RuleExpressionParser Parser = new(new ReSettings
    {
        // Only these become reachable by name; EventData must be listed for its methods to be callable.
        CustomTypes = [typeof(Progress), typeof(Rules), typeof(EventData)],
        // Otherwise RulesEngine turns a syntax error into a rule that is silently false.
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
    });

    private readonly IReadOnlyCollection<string> _parameterNames;

    public RuleCompiler(IReadOnlyCollection<string> parameterNames)
    {
        _parameterNames = parameterNames;
        Params = Expression.Parameter(RuleParameters.TypeFor(parameterNames), "params");
    }

    public ParameterExpression Facts { get; } = Expression.Parameter(typeof(Facts), "facts");

    public ParameterExpression Data { get; } = Expression.Parameter(typeof(EventData), "data");

    public ParameterExpression Params { get; }

    public bool TryParse(RuleSource rule, [NotNullWhen(true)] out Expression? body, [NotNullWhen(false)] out RuleError? error)
    {
        body = null;
        error = null;
        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            error = new RuleError(rule.Name, "The rule is empty. Write a yes/no condition, or 'true' if it always applies.");
            return false;
        }

        try
        {
            body = Parser.Parse(rule.Expression, [Facts, Data, Params], null);
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

        var violation = RuleSafety.FindViolation(body, Params.Type);
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

    public Func<Facts, EventData, bool> Compile(Expression body, object parameterValues)
    {
        // params is fixed for a definition version, so it is bound once here rather than passed per evaluation.
        var bound = Expression.Block(
            [Params],
            Expression.Assign(Params, Expression.Constant(parameterValues, Params.Type)),
            body);
        return Expression.Lambda<Func<Facts, EventData, bool>>(bound, Facts, Data).CompileFast();
    }
}
