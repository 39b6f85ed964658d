using System.Globalization;
using System.Text.Json;
using SendWorkflow.Rules;
using SendWorkflow.Send.Cases;
using SendWorkflow.Send.Clock;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Send.Play;

/// <summary>
/// One designer's trial of a draft: a test pupil in a <see cref="PlaySandbox"/>, the steps taken so far with what each ended
/// in, and the session as it stands. Steps run one at a time.
/// </summary>
internal sealed class PlaySession(Guid id, string owner, string scope, RunnableDraft draft, PlaySandbox sandbox, DateOnly startsOn,
    PlayFacts facts, DateTimeOffset openedAt) : IAsyncDisposable
{
    /// <summary>The furthest one step moves time on (two school years), so that a typo can't spin for ever.</summary>
    public const int MaxDays = 800;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<PlayStepResult> _steps = [];
    private bool _disposed;

    public Guid Id { get; } = id;
    public string Owner { get; } = owner;
    public string Scope { get; } = scope;
    public RunnableDraft Draft { get; } = draft;
    public string DefinitionId => sandbox.Definition.Id;
    public int Version => sandbox.Definition.Version;
    public DateOnly StartsOn { get; } = startsOn;
    public PlayFacts StartFacts { get; } = facts;
    public PlayFacts Facts { get; private set; } = facts;
    public DateTimeOffset OpenedAt { get; } = openedAt;
    public DateTimeOffset LastUsed { get; set; } = openedAt;
    /// <summary>The order of use among the service's sessions (the clock may stand still), newest highest.</summary>
    public long Touched { get; set; }
    public IReadOnlyList<PlayStepResult> Steps => _steps;
    public string Folder => sandbox.Folder;

    /// <summary>
    /// Runs a step and records it. Bad input is refused with every problem (400); what the engine refuses (an event the
    /// state does not listen to, data that does not fit) comes out as its own exception, and neither is recorded.
    /// </summary>
    public async Task<PlayStepResult> ApplyAsync(PlayStep step, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Check(step, sandbox.Clock.GetUtcNow());
            var (transition, rule) = await RunAsync(step, ct);
            var outcome = await OutcomeAsync(transition, rule, null, ct);
            var result = new PlayStepResult(_steps.Count + 1, step, Summary(step, sandbox.Definition.Definition), outcome);
            _steps.Add(result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a step of a saved scenario: what the engine refuses now is its outcome, not an exception.</summary>
    public async Task<PlayOutcome> ReplayAsync(PlayStep step, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            Check(step, sandbox.Clock.GetUtcNow());
            var (transition, rule) = await RunAsync(step, ct);
            return await OutcomeAsync(transition, rule, null, ct);
        }
        catch (Exception ex) when (ex is EventNotHandledException or EventDataException or TaskNotOpenException or InstanceClosedException
            or SchoolCalendarException or RequestValidationException or NotFoundException or ConflictException)
        {
            return await OutcomeAsync(null, null, Refusal(ex), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Refusal(Exception ex) => ex is RequestValidationException v
        ? string.Join(" ", v.Problems.Select(p => p.Message))
        : ex.Message;

    private static void Check(PlayStep step, DateTimeOffset now)
    {
        var problems = new ProblemCollector()
            .Check(step.Kind is not null && PlayStep.Kinds.All.Contains(step.Kind), "kind",
                $"'kind' must be one of {string.Join(", ", PlayStep.Kinds.All)}.");
        switch (step.Kind)
        {
            case PlayStep.Kinds.Facts:
                problems.Check(step.YearGroup is not null || step.LookedAfter is not null || step.Phase is not null, "yearGroup",
                    "Say which fact to set: yearGroup, lookedAfter or phase.");
                CheckFacts(problems, step.YearGroup, step.Phase);
                break;
            case PlayStep.Kinds.Event:
                problems.Require(step.Name, "name", 100)
                    .Check(step.Data is null || step.Data.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null, "data",
                        "'data' must be a JSON object.");
                break;
            case PlayStep.Kinds.Task:
                problems.Require(step.Task, "task", 100);
                break;
            case PlayStep.Kinds.Days:
                problems.Check(step.Days is >= 1 and <= MaxDays, "days", $"'days' must be between 1 and {MaxDays}.");
                break;
            case PlayStep.Kinds.Date:
                var today = UkTime.DateOf(now);
                problems.Check(step.Date is { } d && d > today, "date", $"'date' must be a day after the session's today ({UkTime.Format(today)}).")
                    .Check(step.Date is not { } far || far.DayNumber - today.DayNumber <= MaxDays, "date",
                        $"'date' must be within {MaxDays} days of the session's today.");
                break;
        }
        problems.ThrowIfAny();
    }

    public static void CheckFacts(ProblemCollector problems, int? yearGroup, string? phase) =>
        problems.Check(yearGroup is null or (>= -1 and <= 14), "yearGroup", "'yearGroup' must be from -1 (nursery) and 0 (reception) to 14.")
            .Check(phase is null || Persistence.Entities.SchoolPhases.All.Contains(phase), "phase",
                $"'phase' must be one of {string.Join(", ", Persistence.Entities.SchoolPhases.All)}.");

    private async Task<(string? Transition, string? Rule)> RunAsync(PlayStep step, CancellationToken ct)
    {
        var engine = sandbox.Engine;
        switch (step.Kind)
        {
            case PlayStep.Kinds.Facts:
                Facts = new PlayFacts(step.YearGroup ?? Facts.YearGroup, step.LookedAfter ?? Facts.LookedAfter, step.Phase ?? Facts.Phase,
                    null);
                await sandbox.SetFactsAsync(Facts, ct);
                await engine.RecheckTasksAsync(sandbox.InstanceId, "The test pupil's facts changed in Play.", "play", ct);
                return (null, null);
            case PlayStep.Kinds.Event:
                var data = EventData.FromJson(step.Data);
                RefuseUndeclared(step.Name!, data, sandbox.Definition.Definition);
                var outcome = await engine.RaiseAsync(sandbox.InstanceId, new WorkflowEvent(step.Name!, data, "play"), ct);
                return (outcome.TransitionId, outcome.Rule);
            case PlayStep.Kinds.Task:
                var task = await OpenTaskAsync(step.Task!, ct);
                var done = await engine.CompleteTaskAsync(task.Id, step.Outcome, step.Notes, "play", ct, step.Form);
                return (done.Outcome?.TransitionId, done.Outcome?.Rule);
            case PlayStep.Kinds.Days:
                await MoveOnAsync(sandbox.Clock.GetUtcNow().AddDays(step.Days!.Value), ct);
                return (null, null);
            default:
                await MoveOnAsync(UkTime.StartOf(step.Date!.Value).AddHours(8), ct);
                return (null, null);
        }
    }

    /// <summary>Data the event does not carry is refused, as recording it on a pupil is (every field named).</summary>
    private static void RefuseUndeclared(string name, EventData data, WorkflowDefinition d)
    {
        var declared = d.Events.GetValueOrDefault(name)?.Data ?? [];
        var undeclared = data.Values.Keys.Where(k => !declared.ContainsKey(k)).ToList();
        if (undeclared.Count == 0) return;
        var carries = declared.Count == 0 ? "no information" : string.Join(", ", declared.Keys);
        throw new RequestValidationException(undeclared
            .Select(k => new Problem($"'{name}' does not carry '{k}' (it carries {carries}).", $"data.{k}")).ToList());
    }

    private async Task<WorkTask> OpenTaskAsync(string taskId, CancellationToken ct)
    {
        await using var db = await sandbox.Db.CreateDbContextAsync(ct);
        var open = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == sandbox.InstanceId && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        return open.Where(t => t.DefinitionTaskId == taskId).OrderBy(t => t.DueOn).FirstOrDefault()
            ?? throw new ConflictException(open.Count == 0
                ? $"The test pupil has no open task '{taskId}': they have no open tasks."
                : $"The test pupil has no open task '{taskId}'. Open: {string.Join(", ", open.Select(t => t.DefinitionTaskId).Distinct().Order())}.");
    }

    /// <summary>
    /// Moves the session's clock on as real time would pass (as the service's simulated clock does): each timer fires at its
    /// own time, in order, and the 07:00 deadline round runs on each day crossed.
    /// </summary>
    private async Task MoveOnAsync(DateTimeOffset target, CancellationToken ct)
    {
        var clock = sandbox.Clock;
        var nextSweep = SimulatedClock.NextSweepAfter(clock.GetUtcNow());
        DateTimeOffset? stuckAt = null;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = await sandbox.Timers.NextDueAsync(ct) is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : (DateTimeOffset?)null;
            if (next is { } t && t <= target && t <= nextSweep && stuckAt != now)
            {
                if (t > now) clock.AdvanceTo(t);
                var fired = await sandbox.Dispatcher.FireDueAsync(clock.GetUtcNow(), TimerDispatchOptions.CatchUp, ct);
                if (fired.Fired + fired.Cancelled == 0) stuckAt = clock.GetUtcNow();
                continue;
            }
            if (nextSweep > target) break;
            clock.AdvanceTo(nextSweep);
            await sandbox.Sweeper.SweepAsync(UkTime.DateOf(nextSweep), ct);
            nextSweep = SimulatedClock.NextSweepAfter(nextSweep);
        }
        if (target > clock.GetUtcNow()) clock.AdvanceTo(target);
    }

    private async Task<PlayOutcome> OutcomeAsync(string? transition, string? rule, string? error, CancellationToken ct)
    {
        await using var db = await sandbox.Db.CreateDbContextAsync(ct);
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == sandbox.InstanceId, ct);
        return new PlayOutcome(instance.State, StateName(instance.State), Status(instance.Status), UkTime.DateOf(sandbox.Clock.GetUtcNow()),
            transition, rule, error);
    }

    private string StateName(string state) => sandbox.Definition.States.TryGetValue(state, out var s) ? s.Name : state;

    private static string Status(InstanceStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The session as it stands.</summary>
    public async Task<PlayStateDto> StateAsync(DateTimeOffset expiresAt, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await ReadAsync(expiresAt, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PlayStateDto> ReadAsync(DateTimeOffset expiresAt, CancellationToken ct)
    {
        var definition = sandbox.Definition;
        var now = sandbox.Clock.GetUtcNow();
        var today = UkTime.DateOf(now);
        await using var db = await sandbox.Db.CreateDbContextAsync(ct);
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == sandbox.InstanceId, ct);
        var journal = (await db.Journal.AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Id).ToListAsync(ct))
            .Select(j => new PlayJournalDto(new DateTimeOffset(j.At, TimeSpan.Zero), j.Kind, j.State, j.Detail,
                j.Kind == JournalKinds.Transition ? JournalData.TransitionOf(j.Data) : null))
            .ToList();
        var tasks = (await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instance.Id && t.Status == WorkTaskStatus.Open).ToListAsync(ct))
            .OrderBy(t => t.DueOn).ThenBy(t => t.Title)
            .Select(t => new PlayTaskDto(t.Id, t.DefinitionTaskId, t.Title, t.Role, t.DueOn, t.DueOn < today, OutcomesOf(definition.Definition, t)))
            .ToList();
        var timers = (await db.Timers.AsNoTracking().Where(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending).ToListAsync(ct))
            .OrderBy(t => t.DueAt)
            .Select(t => new PlayTimerDto(t.TimerId, t.Raises, new DateTimeOffset(t.DueAt, TimeSpan.Zero),
                UkTime.DateOf(new DateTimeOffset(t.DueAt, TimeSpan.Zero))))
            .ToList();
        var pathStates = journal.Where(j => j.Kind is JournalKinds.Started or JournalKinds.Transition).Select(j => j.State)
            .Append(instance.State).Distinct().ToList();
        var pathTransitions = journal.Where(j => j.Transition is not null).Select(j => j.Transition!).Distinct().ToList();
        var active = instance.Status == InstanceStatus.Active;
        return new PlayStateDto(Id, DefinitionId, Version, Scope, now, today, expiresAt,
            Facts with { Transfer = Persistence.Entities.SchoolPhases.TransferOf(Facts.Phase, Facts.YearGroup) },
            instance.State, StateName(instance.State), instance.Stage, Status(instance.Status), pathStates, pathTransitions, journal, tasks,
            timers, active ? EventsOf(definition, instance.State) : [], active ? Why(instance, now) : [], Draft.Problems, Draft.LeftOut,
            _steps.ToList());
    }

    private static List<string> OutcomesOf(WorkflowDefinition d, WorkTask task) =>
        task.Raises is { } raised && d.Events.TryGetValue(raised, out var e) && e.Measure is { } measure
            && e.Data.TryGetValue(measure, out var field) && field.Enum is { } values
            ? values
            : [];

    private static List<PlayEventDto> EventsOf(CompiledDefinition definition, string state) =>
        definition.EventsOf(state).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var declared = definition.Definition.Events.GetValueOrDefault(name);
                var fields = (declared?.Data ?? []).Select(f => new PlayFieldDto(f.Key, f.Value.Type, f.Value.Required, f.Value.Enum ?? []))
                    .ToList();
                return new PlayEventDto(name, declared?.Description ?? name, fields);
            })
            .ToList();

    /// <summary>For each way out of the current state: its rule, whether it would hold now, and why, in words.</summary>
    private List<TransitionExplanationDto> Why(WorkflowInstance instance, DateTimeOffset now)
    {
        var definition = sandbox.Definition;
        var calendar = sandbox.Calendar;
        var subject = new Workflows.Stores.SubjectPlacement(PlaySandbox.PupilId, PlaySandbox.SchoolId, PlaySandbox.BoroughId, Facts.YearGroup,
            Facts.LookedAfter) { Transfer = Persistence.Entities.SchoolPhases.TransferOf(Facts.Phase, Facts.YearGroup) };
        var reviews = FactsBuilder.Measures(instance, now, calendar);
        return definition.Definition.Transitions.Where(t => t.From == instance.State)
            .OrderBy(t => t.On, StringComparer.Ordinal).ThenBy(t => t.Priority)
            .Select(t =>
            {
                var input = new RuleInput(FactsBuilder.Build(instance, Facts.YearGroup, t.On, now, calendar, subject), EventData.Empty)
                {
                    Reviews = reviews,
                };
                var why = definition.Rules.Explain(t.Id, input);
                var to = definition.States.TryGetValue(t.To, out var target) ? target.Name : t.To;
                var when = definition.Definition.Events.TryGetValue(t.On, out var e) && e.When is { Length: > 0 } w ? w : $"'{t.On}' is recorded";
                return new TransitionExplanationDto(t.Id, t.On, t.To, to, t.Label, t.Rule?.Name, t.Rule?.Expression, why.Holds,
                    why.Conditions.Any(c => c.ReadsEventData), why.Conditions, ExplanationWords.Sentence(to, when, why));
            })
            .ToList();
    }

    /// <summary>A step in a SENCo's words: "Year group 5", "'review.completed' with progress little", "12 days on".</summary>
    public static string Summary(PlayStep step, WorkflowDefinition d) => step.Kind switch
    {
        PlayStep.Kinds.Facts => string.Join(", ", new[]
        {
            step.YearGroup is { } y ? $"year group {y.ToString(CultureInfo.InvariantCulture)}" : null,
            step.LookedAfter is { } l ? (l ? "looked after" : "not looked after") : null,
            step.Phase is { } p ? $"a {p} school" : null,
        }.OfType<string>()) is { Length: > 0 } facts ? $"Test pupil: {facts}" : "Test pupil's facts",
        PlayStep.Kinds.Event => $"Record '{step.Name}'" + (step.Data is { ValueKind: JsonValueKind.Object } data && data.EnumerateObject().Any()
            ? " with " + string.Join(", ", data.EnumerateObject().Select(p => $"{p.Name} {Flat(p.Value)}"))
            : ""),
        PlayStep.Kinds.Task => $"Complete '{TaskTitle(d, step.Task)}'" + (step.Outcome is { Length: > 0 } o ? $" ({o})" : ""),
        PlayStep.Kinds.Days => $"{step.Days} day{(step.Days == 1 ? "" : "s")} on",
        PlayStep.Kinds.Date => $"On to {(step.Date is { } date ? UkTime.Format(date) : "?")}",
        _ => step.Kind ?? "?",
    };

    private static string Flat(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    private static string TaskTitle(WorkflowDefinition d, string? id) =>
        d.States.SelectMany(s => s.Tasks.Concat(s.Timers.Select(t => t.Task).OfType<TaskDefinition>()))
            .FirstOrDefault(t => t.Id == id)?.Title ?? id ?? "?";

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed) return;
            _disposed = true;
            await sandbox.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
