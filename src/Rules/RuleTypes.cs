using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;

namespace SendWorkflow.Rules;

/// <summary>The only types a rule may name (besides the parser's own primitives and Math): a fixed set, not a scan.</summary>
internal sealed class RuleTypes : IDynamicLinqCustomTypeProvider
{
    private static readonly Type[] Visible = [typeof(Progress), typeof(Rules), typeof(EventData), typeof(Review)];

    public HashSet<Type> GetCustomTypes() => [.. Visible];

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

    public Type? ResolveType(string typeName) => Visible.FirstOrDefault(t => t.FullName == typeName);

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => Visible.FirstOrDefault(t => t.Name == simpleTypeName);
}
