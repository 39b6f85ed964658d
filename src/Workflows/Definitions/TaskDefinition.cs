namespace SendWorkflow.Workflows.Definitions;

/// <summary>Work the state hands to a role when an instance enters it.</summary>
public sealed record TaskDefinition
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Role { get; init; } = "";
    /// <summary>action, review, meeting, letter, form: decides the form the inbox shows.</summary>
    public string Kind { get; init; } = "action";
    public When? Due { get; init; }
    /// <summary>Event raised on the instance when the task is completed (e.g. review.completed).</summary>
    public string? Raises { get; init; }
    /// <summary>When completed, the next occurrence is created at the next calendar point.</summary>
    public bool Repeat { get; init; }
    public string? Description { get; init; }
    /// <summary>How long before the due date the role is warned, e.g. { "schoolDays": 3 }.</summary>
    public When? Warn { get; init; }
    /// <summary>Who gets the escalation task when this task goes overdue (default: senco).</summary>
    public string? EscalateTo { get; init; }
    /// <summary>
    /// A rule over the facts on entering the state: the task is created only when it holds (e.g. a phase-transfer
    /// task for Year 6: <c>facts.YearGroup == 6</c>). Without one, the task is always created.
    /// </summary>
    public string? If { get; init; }
}
