namespace SendWorkflow.Workflows.Definitions.Validation;

internal static class EventChecks
{
    public static void Check(WorkflowDefinition d, DefinitionProblems p)
    {
        foreach (var (name, e) in d.Events)
        {
            if (e.Milestone is { } m)
            {
                if (!Patterns.Id().IsMatch(m.Id ?? ""))
                {
                    p.Error("invalid-id",
                        $"The milestone of event '{name}' needs an id of lower-case letters, digits and dashes.", "event", name);
                }
                if (m.Date is { } field && !(e.Data.TryGetValue(field, out var f) && f.Type == "date"))
                {
                    p.Error("milestone-date",
                        $"The milestone of event '{name}' takes its date from '{field}', which is not a date field of the event.",
                        "event", name);
                }
            }
            if (e.Measure is { } measure && !(e.Data.TryGetValue(measure, out var measured) && measured.Type == "text"))
            {
                p.Error("unknown-measure",
                    $"Event '{name}' measures its outcome in '{measure}', which is not a text field of the event.", "event", name);
            }
            foreach (var (field, f) in e.Data)
            {
                if (f.Type is not ("text" or "number" or "flag" or "date"))
                {
                    p.Error("unknown-field-type",
                        $"Field '{field}' of event '{name}' has unknown type '{f.Type}' (text, number, flag or date).", "event", name);
                }
                if (f.NotBefore is not (null or "start") || f.NotAfter is not (null or "today")
                    || ((f.NotBefore ?? f.NotAfter) is not null && f.Type != "date"))
                {
                    p.Error("invalid-date-limit",
                        $"Field '{field}' of event '{name}': notBefore may be \"start\" and notAfter \"today\", on dates only.",
                        "event", name);
                }
            }
        }
    }
}
