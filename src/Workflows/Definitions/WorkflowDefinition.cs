namespace SendWorkflow.Workflows.Definitions;

/// <summary>One version of a workflow: the JSON document the designer edits, exactly.</summary>
public sealed record WorkflowDefinition
{
    /// <summary>The value of <see cref="Subject"/> for a school's own programme.</summary>
    public const string SchoolSubject = "school";

    public string Id { get; init; } = "";
    public int Version { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public Dictionary<string, ParameterDefinition> Parameters { get; init; } = [];
    public string InitialState { get; init; } = "";
    /// <summary>
    /// The role that gets the escalation task when a task goes overdue, unless the task names its own. Without either,
    /// an overdue task is journaled but escalated to no one (the validator warns).
    /// </summary>
    public string? EscalateTo { get; init; }
    /// <summary>
    /// Roles that may complete any task of the workflow besides the task's own role (an administrator always may); a
    /// task may add its own <see cref="TaskDefinition.CompletedBy"/>.
    /// </summary>
    public List<string> CompletedBy { get; init; } = [];
    /// <summary>
    /// What an instance belongs to: null (the default) for an individual subject; "school" for a school's own programme
    /// (started for a school and a year, its tasks for the school's staff). <see cref="SchoolSubject"/> names the value.
    /// </summary>
    public string? Subject { get; init; }
    /// <summary>Statutory work: instances of it are the local authority's, seen by its officers, not the school's own.</summary>
    public bool Statutory { get; init; }
    public List<StateDefinition> States { get; init; } = [];
    public List<TransitionDefinition> Transitions { get; init; } = [];
    public Dictionary<string, EventDefinition> Events { get; init; } = [];
    /// <summary>Facts derived by rules, by id; rules read them as findings.PascalCaseId.</summary>
    public Dictionary<string, FindingDefinition> Findings { get; init; } = [];
}
