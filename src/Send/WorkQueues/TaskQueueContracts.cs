namespace SendWorkflow.Send.WorkQueues;

/// <summary>
/// Which page of which queue: filters by pupil, class, stage, kind of task and part of a pupil's name, and by who holds
/// the task ("me", "none" or an account id); an order; the page (from 1) and its size (1 to 100).
/// </summary>
public sealed record TaskQueueQuery(
    string? Queue = null, string? Assignee = null, string? PupilId = null, string? ClassName = null, int? Stage = null,
    string? Kind = null, string? Search = null, string? Sort = null, int? Page = null, int? PageSize = null)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

/// <summary>One page of a queue, the total of the queue with these filters, and how many each queue holds (for its tab).</summary>
public sealed record TaskPage(
    string Queue, int Page, int PageSize, int Total, IReadOnlyList<QueueTask> Items, IReadOnlyDictionary<string, int> Counts)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// A task as a queue lists it, with its pupil (or "The school's programme"), who holds it, and what the caller may do
/// with it: claim it, release it, assign it.
/// </summary>
public sealed record QueueTask(
    Guid TaskId, Guid InstanceId, string PupilId, string PupilName, string? ClassName, int? Stage, string Title, string Role,
    string Kind, DateOnly DueOn, DateOnly? StartBy, string Priority, string Status, string? Assignee, string? AssigneeName,
    bool Overdue, bool DueSoon, bool Escalated, DateTimeOffset? CompletedAt)
{
    public bool MayClaim { get; init; }
    public bool MayRelease { get; init; }
    public bool MayAssign { get; init; }
}

/// <summary>Giving a task to a person: who, and optionally the day to start by and the priority (low, normal or high).</summary>
public sealed record AssignTaskRequest(string? UserId, DateOnly? StartBy = null, string? Priority = null);

/// <summary>A member of the school's staff a task may be given to.</summary>
public sealed record AssignableStaff(string UserId, string DisplayName, string Role, bool HoldsIt);

/// <summary>A named inbox filter of the caller's own.</summary>
public sealed record SavedFilterDto(
    string Name, string Queue, string? ClassName, int? Stage, string? Kind, string? Search, string? Sort);

/// <summary>Saving a filter under a name: the same fields as the inbox's.</summary>
public sealed record SaveFilterRequest(string? Queue, string? ClassName, int? Stage, string? Kind, string? Search, string? Sort);

/// <summary>The choices of the inbox's filters, and whether the caller assigns tasks (and so sees everyone's).</summary>
public sealed record QueueOptions(IReadOnlyList<string> Classes, IReadOnlyList<string> Kinds, bool Assigns);
