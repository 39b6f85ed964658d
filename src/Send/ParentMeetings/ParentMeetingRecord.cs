using System.Text.Json;

namespace SendWorkflow.Send.ParentMeetings;

/// <summary>
/// What a meeting with parents recorded: who attended, what was agreed and the next steps, as its form was completed
/// (kept in the journal). A meeting recorded with the generic meeting form, or with notes only, has its notes as what was
/// agreed and no next steps.
/// </summary>
public sealed record ParentMeetingRecord(DateOnly On, string? Attendees, string? Agreed, string? NextSteps)
{
    /// <summary>The record of the task's completion, from the journal entry that completed it (its data, as JSON).</summary>
    public static ParentMeetingRecord From(WorkTask task, DateOnly on, string? journalData)
    {
        var form = Form(journalData);
        return new ParentMeetingRecord(on,
            Value(form, "attendees"),
            Value(form, "agreed") ?? Value(form, "notes") ?? Blank(task.Notes),
            Value(form, "nextSteps"));
    }

    private static Dictionary<string, string> Form(string? data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data is null) return values;
        using var doc = JsonDocument.Parse(data);
        if (!doc.RootElement.TryGetProperty("form", out var form) || form.ValueKind != JsonValueKind.Object) return values;
        foreach (var field in form.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String))
            values[field.Name] = field.Value.GetString()!;
        return values;
    }

    private static string? Value(Dictionary<string, string> form, string name) => Blank(form.GetValueOrDefault(name));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
