using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace SendWorkflow.Rules;

/// <summary>What a rule reads as <c>data</c>: the event's flat data, read through forgiving accessors
/// so a rule about a missing or oddly typed field is simply false rather than an error.</summary>
public sealed class EventData
{
    public EventData(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values.ToFrozenDictionary(pair => pair.Key, pair => Normalise(pair.Key, pair.Value), StringComparer.Ordinal);
    }

    public static EventData Empty { get; } = new(new Dictionary<string, object?>());

    /// <summary>Values are string, double, bool or null.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>Nested objects and arrays are kept as their raw JSON text, since rules only compare flat values.</summary>
    public static EventData FromJson(JsonElement? element)
    {
        if (element is not { } json || json.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Empty;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Event data must be a JSON object, not {json.ValueKind}.", nameof(element));
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }

        return new EventData(values);
    }

    public bool Has(string name) => Values.ContainsKey(name);

    public string Text(string name) => Values.GetValueOrDefault(name) switch
    {
        string text => text,
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => "",
    };

    public double Number(string name) => Values.GetValueOrDefault(name) switch
    {
        double number => number,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };

    public bool Flag(string name) => Values.GetValueOrDefault(name) switch
    {
        bool flag => flag,
        string text => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase),
        double number => number != 0,
        _ => false,
    };

    // Callers build data from C# as well as JSON, so other numeric types are accepted and stored as double.
    private static object? Normalise(string name, object? value) => value switch
    {
        null or string or double or bool => value,
        int or long or short or byte or float or decimal or uint or ulong or ushort or sbyte =>
            Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException(
            $"Event data '{name}' is a {value.GetType().Name}; only text, numbers, yes/no and null are supported.",
            nameof(value)),
    };
}
