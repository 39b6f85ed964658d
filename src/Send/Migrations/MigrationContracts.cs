using SendWorkflow.Workflows.Runtime.Migration;

namespace SendWorkflow.Send.Migrations;

/// <summary>
/// Move running pupils from one version of a definition to another. <c>StateMap</c>: a state of the old version to a state
/// of the new one (states of the same id map to themselves unless said otherwise). <c>Pupils</c>: instance or pupil ids
/// (default: every pupil on the old version the caller's variant reaches). <c>ExpectedStates</c>: instance id to the state
/// the preview showed (a pupil who moved on since is skipped). <c>DryRun</c> (default true): a preview, nothing changed.
/// </summary>
public sealed record MigrationRequest(int? FromVersion, int? ToVersion, Dictionary<string, string>? StateMap = null,
    List<string>? Pupils = null, bool? DryRun = null, Dictionary<string, string>? ExpectedStates = null);

/// <summary>What a move would do to each pupil: the state before and after, tasks and timers cancelled, kept and started.</summary>
public sealed record MigrationPreview(string DefinitionId, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> StateMap,
    int Count, IReadOnlyList<PupilMovePlan> Pupils);

public sealed record PupilMovePlan(Guid InstanceId, string PupilId, string? PupilName, string StateBefore, string StateAfter, bool StateKept,
    DateTime EnteredStateAt, string? SkipReason)
{
    public IReadOnlyList<TaskChange> TasksCancelled { get; init; } = [];
    public IReadOnlyList<TaskChange> TasksKept { get; init; } = [];
    public IReadOnlyList<TaskChange> TasksCreated { get; init; } = [];
    public IReadOnlyList<TimerChange> TimersCancelled { get; init; } = [];
    public IReadOnlyList<TimerChange> TimersKept { get; init; } = [];
    public IReadOnlyList<TimerChange> TimersStarted { get; init; } = [];
    public IReadOnlyList<string> WorkflowsStarted { get; init; } = [];

    public static PupilMovePlan Of(MigrationOutcome o, string? name) =>
        new(o.InstanceId, o.SubjectId, name, o.StateBefore, o.StateAfter, o.StateKept, o.EnteredStateAt, o.SkipReason)
        {
            TasksCancelled = o.TasksCancelled, TasksKept = o.TasksKept, TasksCreated = o.TasksCreated,
            TimersCancelled = o.TimersCancelled, TimersKept = o.TimersKept, TimersStarted = o.TimersStarted,
            WorkflowsStarted = o.WorkflowsStarted,
        };
}

/// <summary>A move as it stands: running, done or failed, and where each pupil is in it.</summary>
public sealed record MigrationProgress(Guid Id, string DefinitionId, int FromVersion, int ToVersion, string Status, int Total, int Moved,
    int Skipped, int Failed, int Pending, DateTime CreatedAt, string CreatedBy, DateTime? FinishedAt,
    IReadOnlyDictionary<string, string> StateMap, IReadOnlyList<PupilMoveResult> Pupils);

/// <summary>One pupil's part of a move: pending, moved (to which state), skipped or failed (and why).</summary>
public sealed record PupilMoveResult(Guid InstanceId, string PupilId, string? PupilName, string ExpectedState, string Status,
    string? StateAfter, string? Reason);

/// <summary>
/// What the Studio's "Move pupils" starts from: the old version's states pupils are in (with how many), the new version's
/// states, and the map filled in for states of the same id.
/// </summary>
public sealed record MigrationChoices(IReadOnlyList<RunningState> Running, IReadOnlyList<StateChoice> Targets,
    IReadOnlyDictionary<string, string> StateMap);

public sealed record RunningState(string Id, string Name, int Pupils);

public sealed record StateChoice(string Id, string Name);

/// <summary>Statuses of a move and of each pupil in it.</summary>
public static class MigrationStatus
{
    public const string Running = "running";
    public const string Done = "done";
    public const string Pending = "pending";
    public const string Moved = "moved";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
