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
}
