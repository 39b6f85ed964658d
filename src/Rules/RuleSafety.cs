using System.Linq.Expressions;
using System.Reflection;

namespace SendWorkflow.Rules;

/// <summary>Second line of defence behind the parser's own type restrictions: walks the parsed tree and refuses
/// anything outside a small allow-list, because Dynamic LINQ still reaches e.g. <c>GetType()</c> via object.</summary>
internal sealed class RuleSafety : ExpressionVisitor
{
    private const string Allowed = "Rules may only use facts, data, params, findings, reviews, Progress, Rules, text, numbers and Math.";

    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(string), typeof(char), typeof(object), typeof(Progress), typeof(Facts), typeof(EventData), typeof(Review),
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
    ];

    private static readonly HashSet<Type> StaticOwners = [typeof(Math), typeof(Rules), typeof(Enumerable)];

    private static readonly HashSet<string> DataMethods = [nameof(EventData.Has), nameof(EventData.Text), nameof(EventData.Number),
        nameof(EventData.Flag)];

    // Generators create arbitrarily large sequences from nothing; rules only need to look through given values.
    private static readonly HashSet<string> EnumerableGenerators = [nameof(Enumerable.Range), nameof(Enumerable.Repeat), nameof(Enumerable.Empty)];

    private static readonly HashSet<ExpressionType> NodeKinds =
    [
        ExpressionType.Constant, ExpressionType.Parameter, ExpressionType.MemberAccess, ExpressionType.Call,
        ExpressionType.Lambda, ExpressionType.Quote, ExpressionType.Conditional, ExpressionType.Default,
        ExpressionType.Convert, ExpressionType.ConvertChecked, ExpressionType.TypeAs, ExpressionType.TypeIs,
        ExpressionType.Not, ExpressionType.Negate, ExpressionType.NegateChecked, ExpressionType.UnaryPlus,
        ExpressionType.OnesComplement, ExpressionType.IsTrue, ExpressionType.IsFalse,
        ExpressionType.ArrayLength, ExpressionType.ArrayIndex, ExpressionType.NewArrayInit, ExpressionType.Coalesce,
        ExpressionType.Add, ExpressionType.AddChecked, ExpressionType.Subtract, ExpressionType.SubtractChecked,
        ExpressionType.Multiply, ExpressionType.MultiplyChecked, ExpressionType.Divide, ExpressionType.Modulo,
        ExpressionType.Power, ExpressionType.And, ExpressionType.Or, ExpressionType.ExclusiveOr,
        ExpressionType.AndAlso, ExpressionType.OrElse, ExpressionType.LeftShift, ExpressionType.RightShift,
        ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.LessThan, ExpressionType.LessThanOrEqual,
        ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual,
    ];

    private readonly Type _parametersType;
    private readonly Type _findingsType;
    private string? _violation;

    private RuleSafety(Type parametersType, Type findingsType)
    {
        _parametersType = parametersType;
        _findingsType = findingsType;
    }

    /// <returns>Why the rule is refused, or null when every part of it is allowed.</returns>
    public static string? FindViolation(Expression body, Type parametersType, Type findingsType)
    {
        var safety = new RuleSafety(parametersType, findingsType);
        safety.Visit(body);
        return safety._violation;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null || _violation is not null)
        {
            return node;
        }

        // Children first, so the message names the innermost offending part (GetType, not what it led to).
        var result = base.Visit(node);
        _violation ??= Check(node);
        return result;
    }

    private string? Check(Expression node) => node switch
    {
        NewExpression newExpression => $"Creating objects ('new {newExpression.Type.Name}') is not allowed in rules. {Allowed}",
        _ when !NodeKinds.Contains(node.NodeType) => $"'{node.NodeType}' is not allowed in rules. {Allowed}",
        MemberExpression { Member: var member } when !IsAllowedMember(member) => NotAllowed(member),
        MethodCallExpression { Method: var method } when !IsAllowedMethod(method) => NotAllowed(method),
        UnaryExpression { Method: { } method } when !IsAllowedMethod(method) => NotAllowed(method),
        BinaryExpression { Method: { } method } when !IsAllowedMethod(method) => NotAllowed(method),
        TypeBinaryExpression { TypeOperand: var type } when !IsAllowedType(type) => NotAllowed(type),
        ConstantExpression { Value: { } value } when !IsAllowedType(value.GetType()) => NotAllowed(value.GetType()),
        _ when !IsAllowedType(node.Type) => NotAllowed(node.Type),
        _ => null,
    };

    private bool IsAllowedMember(MemberInfo member) => member switch
    {
        PropertyInfo or FieldInfo when member.DeclaringType == typeof(Facts) || member.DeclaringType == _parametersType
            || member.DeclaringType == _findingsType => true,
        PropertyInfo or FieldInfo => IsAllowedOwner(member.DeclaringType),
        _ => false,
    };

    private bool IsAllowedMethod(MethodInfo method)
    {
        if (method.DeclaringType == typeof(EventData))
        {
            return DataMethods.Contains(method.Name);
        }

        if (method.DeclaringType == typeof(Enumerable) && EnumerableGenerators.Contains(method.Name))
        {
            return false;
        }

        return IsAllowedOwner(method.DeclaringType) && method.GetGenericArguments().All(IsAllowedType);
    }

    // Types whose own members (declared on them, never inherited from object) a rule may use.
    private bool IsAllowedOwner(Type? owner) =>
        owner is not null
        && owner != typeof(object)
        && owner != typeof(Facts)
        && owner != typeof(EventData)
        && (StaticOwners.Contains(owner) || IsAllowedType(owner));

    private bool IsAllowedType(Type type)
    {
        if (ValueTypes.Contains(type) || type == _parametersType || type == _findingsType)
        {
            return true;
        }

        if (type.IsArray)
        {
            return IsAllowedType(type.GetElementType()!);
        }

        // Nullable values come from lifted comparisons; the others from Enumerable calls and their lambdas.
        return type.IsGenericType
            && (type.GetGenericTypeDefinition() == typeof(Nullable<>)
                || type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                || type.GetGenericTypeDefinition() == typeof(IOrderedEnumerable<>)
                || type.FullName?.StartsWith("System.Func`", StringComparison.Ordinal) == true)
            && type.GetGenericArguments().All(IsAllowedType);
    }

    private static string NotAllowed(MemberInfo member) =>
        $"'{member.DeclaringType?.Name}.{member.Name}' is not allowed in rules. {Allowed}";

    private static string NotAllowed(Type type) => $"Values of type '{type.Name}' are not allowed in rules. {Allowed}";
}
