namespace SendWorkflow.Workflows.Definitions;

/// <summary>Work the state hands to a role when an instance enters it.</summary>
public sealed record TaskDefinition
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Role { get; init; } = "";
    /// <summary>What sort of work it is (action, meeting, letter, ...); shown to people, not read by the engine.</summary>
    public string Kind { get; init; } = "action";
    /// <summary>The form the inbox shows for the task (the host knows the forms by name); none means notes only.</summary>
    public string? Form { get; init; }
    public When? Due { get; init; }
    /// <summary>Event raised on the instance when the task is completed (e.g. review.completed).</summary>
    public string? Raises { get; init; }
    /// <summary>When completed, the next occurrence is created at the next calendar point.</summary>
    public bool Repeat { get; init; }
    public string? Description { get; init; }
    /// <summary>How long before the due date the role is warned, e.g. { "schoolDays": 3 }.</summary>
    public When? Warn { get; init; }
    /// <summary>Who gets the escalation task when this task goes overdue (default: the definition's escalateTo).</summary>
    public string? EscalateTo { get; init; }
    /// <summary>Roles that may complete the task besides its own role and the workflow's <c>completedBy</c>.</summary>
    public List<string> CompletedBy { get; init; } = [];
    /// <summary>
    /// Whether the outcome the task is completed with is written to the measure field of the event it raises, when that
    /// event declares one (default true). False for a task whose outcome is something else.
    /// </summary>
    public bool? OutcomeIsMeasure { get; init; }
    /// <summary>
    /// A rule over the facts on entering the state: the task is created only when it holds (e.g. a phase-transfer
    /// task for Year 6: <c>facts.YearGroup == 6</c>). Without one, the task is always created.
    /// </summary>
    public string? If { get; init; }

    /// <summary>
    /// An event that hands the task out while the instance is in the state (and stays there), instead of entering the
    /// state: e.g. a notice that the task's condition then reads, with the event's data (<c>data.Text("outcome")</c>).
    /// </summary>
    public string? On { get; init; }

    /// <summary>
    /// <c>"state"</c> (default): the task belongs to the state; leaving the state closes it, entering it again makes it
    /// anew. <c>"instance"</c>: the task belongs to the instance (e.g. a deadline of the case, not of one review cycle):
    /// made once, the first time the state is entered with its condition holding, it stays open as the instance moves
    /// between states and closes only with the instance.
    /// </summary>
    public string? Scope { get; init; }

    public const string InstanceScope = "instance";

    public bool OfInstance() => Scope == InstanceScope;
}
