using System.Text.Json;
using SendWorkflow.Rules;

namespace SendWorkflow.Send.Cases;

public sealed record StartInstanceRequest(string? DefinitionId, string? PupilId);

public sealed record EventRequest(string? Name, JsonElement? Data);

public sealed record TaskDto(
    Guid Id, Guid InstanceId, string PupilId, string SchoolId, string State, string Title, string Role, string Kind,
    DateOnly DueOn, string Status, string? Raises, string? Outcome, DateTimeOffset? CompletedAt, DateOnly? WarnOn,
    bool Warned, bool Escalated, string EscalateTo, Guid? EscalationOf, string? Notes)
{
    public static TaskDto Of(WorkTask t) => new(t.Id, t.InstanceId, t.SubjectId, t.SchoolId, t.State, t.Title, t.Role, t.Kind,
        t.DueOn, t.Status.ToString().ToLowerInvariant(), t.Raises, t.Outcome,
        t.CompletedAt is { } c ? new DateTimeOffset(c, TimeSpan.Zero) : null, t.WarnOn, t.WarnedAt is not null,
        t.EscalatedAt is not null && t.Kind != WorkTask.EscalationKind, t.EscalateTo, t.EscalationOf, t.Notes)
    {
        Assignee = t.Assignee,
        AssignedAt = t.AssignedAt is { } a ? new DateTimeOffset(a, TimeSpan.Zero) : null,
        StartBy = t.StartBy,
        Priority = t.Priority.ToString().ToLowerInvariant(),
    };

    /// <summary>The account the task is assigned to or claimed by; null while it is open to its whole role.</summary>
    public string? Assignee { get; init; }
    public DateTimeOffset? AssignedAt { get; init; }
    /// <summary>The day to start by, beside the day it is due.</summary>
    public DateOnly? StartBy { get; init; }
    /// <summary>low, normal or high.</summary>
    public string Priority { get; init; } = "normal";
}

public sealed record TimerDto(Guid TimerId, string Timer, DateTimeOffset DueAt, DateOnly DueOn)
{
    public static TimerDto Of(WorkflowTimer t) =>
        new(t.Id, t.TimerId, new DateTimeOffset(t.DueAt, TimeSpan.Zero), UkTime.DateOf(new DateTimeOffset(t.DueAt, TimeSpan.Zero)));
}

public sealed record InstanceDto(
    Guid Id, string DefinitionId, int Version, string PupilId, string SchoolId, string State, int? Stage, string Status,
    DateTimeOffset EnteredStateAt, string EnteredBy, IReadOnlyList<TaskDto> OpenTasks, IReadOnlyList<TimerDto> PendingTimers,
    Facts? Facts);

public sealed record JournalDto(long Id, DateTimeOffset At, string Kind, string State, string Detail, JsonElement? Data, string? Actor);

/// <summary>One of a pupil's workflows, as the list of them shows it.</summary>
public sealed record PupilInstanceDto(Guid Id, string DefinitionId, int Version, string State, int? Stage, string Status, DateTime StartedAt);

/// <summary>What an event did: whether it moved the pupil, from where to where, by which rule.</summary>
public sealed record EventResultDto(bool Transitioned, string From, string To, string? Rule, string? Transition, int? Stage, string Status);

/// <summary>
/// Which tasks to list: by school, pupil, instance, role, status, overdue, and who holds them (<c>Assignee</c>: "me", "none"
/// or an account's id); at most <c>Take</c>.
/// </summary>
public sealed record TaskQuery(
    string? SchoolId = null, string? PupilId = null, Guid? InstanceId = null, string? Role = null, string? Status = null,
    bool? Overdue = null, int? Take = null, string? Assignee = null);
