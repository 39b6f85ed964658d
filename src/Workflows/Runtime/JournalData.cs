using System.Text.Json;

namespace SendWorkflow.Workflows.Runtime;

/// <summary>What readers of the journal take from an entry's data.</summary>
public static class JournalData
{
    /// <summary>
    /// The id of the transition a transition entry records, or null: an entry written before transitions carried their id
    /// (or data that is not JSON) still shows, it just highlights no arrow.
    /// </summary>
    public static string? TransitionOf(string? data)
    {
        if (data is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(data);
            return doc.RootElement.TryGetProperty("transition", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
