using System.Linq.Expressions;
using System.Reflection;

namespace SendWorkflow.Workflows.Stores;

/// <summary>
/// Copies and compares the runtime's entities. Their properties are values and strings, so a shallow copy is a full
/// one, and it keeps up with new properties without a list to maintain.
/// </summary>
public static class EntityCopy
{
    private static readonly Func<object, object> Clone = typeof(object)
        .GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    public static T Of<T>(T entity) where T : class => (T)Clone(entity);

    /// <summary>
    /// Copies every public property of <paramref name="source"/> over <paramref name="target"/>'s, so that the target holds
    /// what a copy would without a new object: a store that keeps entities for long (the state SQLite's writer holds)
    /// updates the ones it has, rather than making new ones the garbage collector then moves to its older generations.
    /// </summary>
    public static void Into<T>(T source, T target) where T : class => Assigner<T>.Assign(source, target);

    /// <summary>Whether every public property of the two holds the same value.</summary>
    public static bool Same<T>(T a, T b) where T : class
    {
        foreach (var property in Properties<T>.All)
        {
            if (!Equals(property.GetValue(a), property.GetValue(b))) return false;
        }
        return true;
    }

    private static class Properties<T>
    {
        public static readonly PropertyInfo[] All = typeof(T).GetProperties(BindingFlags.Instance | BindingFlags.Public);
    }

    private static class Assigner<T>
    {
        public static readonly Action<T, T> Assign = Compile();

        // target.P = source.P for every public property with a getter and a setter, compiled once for the type. An entity whose
        // state a property without a setter holds cannot be copied this way.
        private static Action<T, T> Compile()
        {
            var all = Properties<T>.All;
            if (Array.Find(all, p => p.GetMethod is null || p.SetMethod is not { IsPublic: true }) is { } fixedProperty)
            {
                throw new NotSupportedException($"{typeof(T).Name}.{fixedProperty.Name} cannot be copied over: it has no public setter.");
            }
            var (source, target) = (Expression.Parameter(typeof(T), "source"), Expression.Parameter(typeof(T), "target"));
            var body = all.Select(p => (Expression)Expression.Assign(Expression.Property(target, p), Expression.Property(source, p))).ToList();
            return Expression.Lambda<Action<T, T>>(body.Count == 0 ? Expression.Empty() : Expression.Block(body), source, target).Compile();
        }
    }
}
