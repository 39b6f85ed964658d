namespace SendWorkflow.Workflows.Runtime.Factories;

internal static class TimerFactory
{
    /// <summary>A pending timer of the state, due at the start of the UK day.</summary>
    public static WorkflowTimer Create(WorkflowInstance instance, string state, TimerDefinition timer, DateOnly due, DateTime now) => new()
    {
        Id = OrderedIds.Shared.Next(now),
        InstanceId = instance.Id,
        State = state,
        TimerId = timer.Id,
        DueAt = UkTime.StartOf(due).UtcDateTime,
        Raises = timer.Raises,
        Status = TimerStatus.Pending,
        CreatedAt = now,
    };
}
