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
    /// <summary>
    /// A task of the same state: the timer hands out its task only while that task is still open (a chase of work not
    /// done by then); once it is done, the timer fires with nothing to hand out.
    /// </summary>
    public string? WhileOpen { get; init; }
}
