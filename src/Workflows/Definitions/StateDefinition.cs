namespace SendWorkflow.Workflows.Definitions;

public sealed record StateDefinition
{
    public string Id { get; init; } = "";
    public int? Stage { get; init; }
    public string Name { get; init; } = "";
    public string? When { get; init; }
    public string? Description { get; init; }
    public List<string> Roles { get; init; } = [];
    /// <summary>How long the stage runs before its outcome is reviewed.</summary>
    public When? Timeframe { get; init; }
    /// <summary>A terminal state ends the instance; nothing leaves it.</summary>
    public bool Terminal { get; init; }
    public List<TaskDefinition> Tasks { get; init; } = [];
    public List<TimerDefinition> Timers { get; init; } = [];
    public Layout? Layout { get; init; }
    /// <summary>A definition started for the same subject when this state is entered (a stage that starts a statutory process).</summary>
    public string? Starts { get; init; }
    /// <summary>
    /// A date field of the event that enters this state: the started workflow counts from that day rather than
    /// today (requestedOn: the statutory clock runs from the day the LA received the request, not the day it was
    /// recorded).
    /// </summary>
    public string? StartsFrom { get; init; }
    /// <summary>For a terminal state of a child workflow: the event raised on the workflow that started it.</summary>
    public ParentNotification? Notifies { get; init; }
}
