using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// The names of an enum stored as text (EF Core's <see cref="EnumToStringConverter{TEnum}"/>) as their UTF-8 bytes, looked
/// up once: a task's status, kind and priority are written and read in every event, and each went through
/// <c>Enum.ToString</c> or <c>Enum.Parse</c> and a string. A value that is not one of the names (a combination of flags, or
/// text another writer stored) is left to the converter, as before.
/// </summary>
internal sealed class EnumText
{
    private readonly Dictionary<object, byte[]> _names = [];
    private readonly (byte[] Name, object Value)[] _values;

    private EnumText(Type type)
    {
        _values = Enum.GetValues(type).Cast<object>().Select(v => (System.Text.Encoding.UTF8.GetBytes(v.ToString()!), v)).ToArray();
        foreach (var (name, value) in _values) _names.TryAdd(value, name);
    }

    /// <summary>The names of the converter's enum, or null when the converter is not EF Core's enum-to-name one.</summary>
    public static EnumText? Of(ValueConverter? converter) =>
        converter?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(EnumToStringConverter<>)
            ? new EnumText(converter.ModelClrType)
            : null;

    /// <summary>The value's name as UTF-8, or null when it has none.</summary>
    public byte[]? Name(object value) => _names.GetValueOrDefault(value);

    /// <summary>The value whose name the text is, or null when none is.</summary>
    public object? Value(ReadOnlySpan<byte> text)
    {
        foreach (var (name, value) in _values)
        {
            if (text.SequenceEqual(name)) return value;
        }
        return null;
    }
}
