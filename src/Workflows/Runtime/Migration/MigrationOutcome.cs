namespace SendWorkflow.Workflows.Runtime.Migration;

/// <summary>What happened, or would happen in a dry run, to one instance moved to another version.</summary>
public sealed record MigrationOutcome(Guid InstanceId, MigrationResult Result)
{
    /// <summary>Why the instance was not moved (it moved on, ended, already runs another version); null otherwise.</summary>
    public string? SkipReason { get; init; }
    public string SubjectId { get; init; } = "";
    public string StateBefore { get; init; } = "";
    public string StateAfter { get; init; } = "";
    /// <summary>Whether the instance stays in a state of the same id, keeping the time it entered it.</summary>
    public bool StateKept { get; init; }
    public DateTime EnteredStateAt { get; init; }
    public IReadOnlyList<TaskChange> TasksCancelled { get; init; } = [];
    public IReadOnlyList<TaskChange> TasksKept { get; init; } = [];
    public IReadOnlyList<TaskChange> TasksCreated { get; init; } = [];
    public IReadOnlyList<TimerChange> TimersCancelled { get; init; } = [];
    public IReadOnlyList<TimerChange> TimersKept { get; init; } = [];
    public IReadOnlyList<TimerChange> TimersStarted { get; init; } = [];
    /// <summary>Definitions the new state starts for the same subject.</summary>
    public IReadOnlyList<string> WorkflowsStarted { get; init; } = [];

    public static MigrationOutcome Skipped(Guid instanceId, string reason) => new(instanceId, MigrationResult.Skipped) { SkipReason = reason };
}

public enum MigrationResult
{
    /// <summary>A dry run: this is what moving it would do.</summary>
    Planned,
    Moved,
    Skipped,
}

/// <summary>A task as the plan lists it: its task in the definition, title, role and due date.</summary>
public sealed record TaskChange(string Task, string Title, string Role, DateOnly DueOn)
{
    internal static TaskChange Of(WorkTask t) => new(t.DefinitionTaskId, t.Title, t.Role, t.DueOn);
}

/// <summary>A timer as the plan lists it: its id, the day it falls due and, if that moved, the day it was due before.</summary>
public sealed record TimerChange(string Timer, DateOnly DueOn, DateOnly? WasDueOn = null)
{
    internal static TimerChange Of(WorkflowTimer t) => new(t.TimerId, UkTime.DateOfUtc(t.DueAt));
}
