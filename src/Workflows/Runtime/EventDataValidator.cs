using System.Globalization;

namespace SendWorkflow.Workflows.Runtime;

/// <summary>Checks event data against the definition's declaration of the event, listing every problem.</summary>
public static class EventDataValidator
{
    /// <param name="started">The day the instance started, for dates that may not come before it.</param>
    /// <param name="today">Today (UK), for dates that may not be in the future.</param>
    public static IReadOnlyList<string> Check(WorkflowDefinition definition, string eventName, EventData data,
        DateOnly? started = null, DateOnly? today = null)
    {
        if (!definition.Events.TryGetValue(eventName, out var declared)) return [];
        var problems = new List<string>();
        foreach (var (name, field) in declared.Data)
        {
            if (!data.Has(name) || data.Values[name] is null)
            {
                if (field.Required) problems.Add($"'{name}' is required.");
                continue;
            }
            var value = data.Values[name];
            switch (field.Type)
            {
                case "number" when value is not double:
                    problems.Add($"'{name}' must be a number.");
                    break;
                case "flag" when value is not bool:
                    problems.Add($"'{name}' must be true or false.");
                    break;
                case "date" when value is not string s
                    || !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    problems.Add($"'{name}' must be a date written yyyy-MM-dd.");
                    break;
                case "text" when value is not string:
                    problems.Add($"'{name}' must be text.");
                    break;
                case "text" when value is string blank && string.IsNullOrWhiteSpace(blank) && field.Required && field.Enum is null:
                    problems.Add($"'{name}' is required.");
                    break;
                case "text" when value is string longText && longText.Length > (field.MaxLength ?? FieldDefinition.DefaultMaxLength):
                    problems.Add($"'{name}' must be at most {field.MaxLength ?? FieldDefinition.DefaultMaxLength} characters.");
                    break;
            }
            if (field.Type == "date" && value is string text
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                if (date.Year is < 1990 or > 2100)
                    problems.Add($"'{name}' must be a date between 1990 and 2100.");
                if (field.NotBefore == "start" && started is { } s && date < s)
                    problems.Add($"'{name}' ({Calendars.UkTime.Format(date)}) is before this began on {Calendars.UkTime.Format(s)}.");
                if (field.NotAfter == "today" && today is { } t && date > t)
                    problems.Add($"'{name}' ({Calendars.UkTime.Format(date)}) is in the future.");
            }
            if (field.Enum is { Count: > 0 } allowed && !allowed.Contains(data.Text(name), StringComparer.Ordinal))
                problems.Add($"'{name}' must be one of {string.Join(", ", allowed)}, not '{data.Text(name)}'.");
        }
        return problems;
    }
}
