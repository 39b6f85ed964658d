namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>
/// Records the outcome an event measures (its definition names the field) on the instance, where the rules read it:
/// the last measure, how many were recorded in the state, how many of those showed none or little, and the last few
/// with their dates (which rules count over a period).
/// </summary>
internal static class MeasureRecorder
{
    public static void Record(WorkflowInstance instance, WorkflowDefinition definition, WorkflowEvent e, DateOnly today)
    {
        if (!definition.Events.TryGetValue(e.Name, out var declared) || declared.Measure is not { } field) return;
        if (Read(e.Data, field) is not { } measured) return;
        instance.LastProgress = measured;
        instance.MeasureHistory = MeasureHistory.Append(instance.MeasureHistory, today, measured, instance.State);
        instance.ReviewsInStage++;
        if (measured is Progress.None or Progress.Little) instance.ReviewsWithoutProgress++;
    }

    /// <summary>The value as a known level, by its name in any case; numbers and unknown words are not a measure.</summary>
    private static Progress? Read(EventData data, string field)
    {
        if (!data.Has(field)) return null;
        var text = data.Text(field);
        if (text.Length == 0 || !char.IsLetter(text[0])) return null;
        return Enum.TryParse<Progress>(text, ignoreCase: true, out var level) && level != Progress.Unknown ? level : null;
    }
}
