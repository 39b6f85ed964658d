namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>The data of the event a completed task raises: which task, its outcome and notes, and the outcome as the measure.</summary>
internal static class TaskEventData
{
    public static EventData Of(WorkflowDefinition definition, WorkTask task, TaskDefinition? template)
    {
        var values = new Dictionary<string, object?>
        {
            ["taskId"] = task.Id.ToString(),
            ["task"] = task.DefinitionTaskId,
        };
        if (task.Outcome is { } outcome)
        {
            values["outcome"] = outcome;
            if (template?.OutcomeIsMeasure != false && task.Raises is { } raised
                && definition.Events.TryGetValue(raised, out var declared) && declared.Measure is { } measure)
            {
                values[measure] = outcome;
            }
        }
        if (task.Notes is { } notes) values["notes"] = notes;
        return new EventData(values);
    }

    /// <summary>The definition of a task of the state, among its tasks or its timers' tasks.</summary>
    public static TaskDefinition? TemplateOf(CompiledDefinition definition, WorkTask task) =>
        definition.States.TryGetValue(task.State, out var state)
            ? state.Tasks.FirstOrDefault(t => t.Id == task.DefinitionTaskId)
                ?? state.Timers.Select(t => t.Task).FirstOrDefault(t => t?.Id == task.DefinitionTaskId)
            : null;
}
