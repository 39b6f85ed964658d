namespace SendWorkflow.Workflows.Runtime;

/// <summary>
/// A change of who holds a task, made only if the task is still open and still held by <see cref="Expected"/> (what the
/// caller read when deciding): a compare-and-set, so a claim racing another claim, or an assignment racing a completion,
/// never overwrites what the other did. <see cref="To"/> null releases the task to its role. The name is for the journal's
/// data, next to the id.
/// </summary>
public sealed record TaskAssignment(Guid TaskId, TaskAssignmentKind Kind, string? Expected, string? To, string? ToName, string? Actor)
{
    /// <summary>When set, the day to start by; otherwise it stays as it is.</summary>
    public DateOnly? StartBy { get; init; }

    /// <summary>When set, the task's priority; otherwise it stays as it is.</summary>
    public TaskPriority? Priority { get; init; }
}

public enum TaskAssignmentKind
{
    /// <summary>Given to a person by someone who may assign (a reassignment when someone held it).</summary>
    Assigned,
    /// <summary>Taken by a person of its role.</summary>
    Claimed,
    /// <summary>Given back to its whole role.</summary>
    Released,
}
