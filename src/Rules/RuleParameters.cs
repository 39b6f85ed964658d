using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace SendWorkflow.Rules;

/// <summary>Builds the type a rule reads as <c>params</c>: one read-only double property per parameter, so
/// <c>params.x</c> is checked by the parser and an unknown parameter is a compile error.</summary>
/// <remarks>Emitted directly rather than with DynamicClassFactory because DynamicClass has an indexer that the
/// parser falls back to, which turns <c>params.typo</c> into a runtime lookup instead of an error.</remarks>
internal static partial class RuleParameters
{
    // The designer checks on every keystroke with the same few name sets; beyond this many, types are emitted
    // uncached so a stream of unusual name sets cannot pin memory (the assemblies are collectible).
    private const int CacheLimit = 1000;

    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    public static IReadOnlyList<RuleError> Validate(IEnumerable<string> names)
    {
        var errors = new List<RuleError>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!Identifier().IsMatch(name))
            {
                errors.Add(new RuleError("params", $"'{name}' cannot be a parameter name: use letters, digits and _, starting with a letter."));
            }
            else if (!seen.Add(name))
            {
                // Rules are matched ignoring case, so these would be indistinguishable.
                errors.Add(new RuleError("params", $"There is more than one parameter called '{name}' (ignoring capitals)."));
            }
        }

        return errors;
    }

    /// <param name="names">The property names.</param>
    /// <param name="valueType">double for parameters, bool for findings.</param>
    public static Type TypeFor(IEnumerable<string> names, Type? valueType = null)
    {
        valueType ??= typeof(double);
        var sorted = names.Order(StringComparer.Ordinal).ToArray();
        var key = valueType.Name + "\n" + string.Join('\n', sorted);
        if (Types.TryGetValue(key, out var type))
        {
            return type;
        }

        type = Emit(sorted, valueType);
        return Types.Count < CacheLimit ? Types.GetOrAdd(key, type) : type;
    }

    public static object Create(Type type, IReadOnlyDictionary<string, double> values)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var (name, value) in values)
        {
            type.GetField(BackingField(name), BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(instance, value);
        }

        return instance;
    }

    private static Type Emit(IEnumerable<string> names, Type valueType)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("SendWorkflow.Rules.Parameters"), AssemblyBuilderAccess.RunAndCollect);
        var type = assembly.DefineDynamicModule("Parameters")
            .DefineType(valueType == typeof(bool) ? "Findings" : "Parameters", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class);
        foreach (var name in names)
        {
            var field = type.DefineField(BackingField(name), valueType, FieldAttributes.Private);
            var getter = type.DefineMethod(
                "get_" + name,
                MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig,
                valueType,
                Type.EmptyTypes);
            var il = getter.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, field);
            il.Emit(OpCodes.Ret);
            type.DefineProperty(name, PropertyAttributes.None, valueType, null).SetGetMethod(getter);
        }

        return type.CreateType();
    }

    private static string BackingField(string name) => "_" + name;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
