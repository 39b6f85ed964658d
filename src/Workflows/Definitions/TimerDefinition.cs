namespace SendWorkflow.Workflows.Definitions;

/// <summary>A durable timer started when the state is entered and cancelled when it is left.</summary>
public sealed record TimerDefinition
{
    public string Id { get; init; } = "";
    /// <summary>Fires once, this long after the state was entered.</summary>
    public When? After { get; init; }
    /// <summary>Fires repeatedly at this interval while the state lasts.</summary>
    public When? Every { get; init; }
    /// <summary>Event raised when the timer fires.</summary>
    public string Raises { get; init; } = "";
    /// <summary>Task created when the timer fires, if any.</summary>
    public TaskDefinition? Task { get; init; }
    public string? Description { get; init; }
}
