using System.Text.Json;
using SendWorkflow.Rules;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Definitions;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Workflows.Runtime;

/// <summary>
/// Handles one event as one unit of work: load, journal, compute facts, take the first transition whose rule
/// holds, leave and enter states, commit. A concurrency conflict retries the whole event.
/// </summary>
public sealed class WorkflowEngine(
    IWorkflowStore store, IDefinitionCatalog catalog, ICalendarProvider calendars, TimeProvider time)
{
    private const int MaxAttempts = 8;

    public async Task<WorkflowInstance> StartAsync(string definitionId, string pupilId, string? actor, CancellationToken ct)
    {
        var definition = await catalog.GetPublishedAsync(definitionId, ct);
        await using var session = await store.OpenAsync(ct);
        var pupil = await session.FindPupilAsync(pupilId, ct) ?? throw new PupilNotFoundException(pupilId);
        var calendar = calendars.ForBorough(pupil.BoroughId);
        var now = time.GetUtcNow().UtcDateTime;
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            DefinitionId = definition.Id,
            Version = definition.Version,
            PupilId = pupil.PupilId,
            SchoolId = pupil.SchoolId,
            BoroughId = pupil.BoroughId,
            StartedAt = now,
            UpdatedAt = now,
            Status = InstanceStatus.Active,
        };
        session.Add(instance);
        var initial = definition.State(definition.Definition.InitialState);
        Journal(session, instance, now, JournalKinds.Started, initial.Id,
            $"Started {definition.Definition.Name} (version {definition.Version}).", null, actor);
        Enter(session, definition, calendar, instance, initial, "start", "", now, actor);
        await session.CommitAsync(ct);
        return instance;
    }

    public async Task<EventOutcome> RaiseAsync(Guid instanceId, WorkflowEvent e, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = await store.OpenAsync(ct);
                var instance = await session.FindInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
                var outcome = await ApplyAsync(session, instance, e, ct);
                await session.CommitAsync(ct);
                return outcome;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }

    /// <summary>Completes a task and, in the same transaction, raises the event it stands for.</summary>
    public async Task<TaskCompletion> CompleteTaskAsync(Guid taskId, string? outcome, string? notes, string? actor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = await store.OpenAsync(ct);
                var task = await session.FindTaskAsync(taskId, ct) ?? throw new TaskNotFoundException(taskId);
                if (task.Status != WorkTaskStatus.Open) throw new TaskNotOpenException(task.Id, task.Status);
                var instance = await session.FindInstanceAsync(task.InstanceId, ct) ?? throw new InstanceNotFoundException(task.InstanceId);
                var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, ct);
                var now = time.GetUtcNow().UtcDateTime;

                task.Status = WorkTaskStatus.Completed;
                task.CompletedAt = now;
                task.CompletedBy = actor;
                task.Outcome = outcome;
                task.Notes = notes;
                var data = TaskEventData(task, outcome, notes);
                if (task.Raises is { Length: > 0 } raises)
                {
                    var problems = EventDataValidator.Check(definition.Definition, raises, data);
                    if (problems.Count > 0) throw new EventDataException(raises, problems);
                }
                Journal(session, instance, now, JournalKinds.TaskCompleted, instance.State,
                    $"Completed '{task.Title}'{(outcome is { Length: > 0 } ? $" with outcome '{outcome}'" : "")}.",
                    JsonSerializer.Serialize(new { taskId = task.Id, task = task.DefinitionTaskId, outcome }), actor);
                if (task.RepeatsAt is { } point && instance.Status == InstanceStatus.Active)
                {
                    var calendar = calendars.ForBorough(instance.BoroughId);
                    var next = CreateTask(instance, task.State, task.DefinitionTaskId, task.Title, task.Role, task.Kind,
                        calendar.NextPoint(point, task.DueOn), task.Raises, point, now);
                    session.Add(next);
                    Journal(session, instance, now, JournalKinds.TaskCreated, instance.State,
                        $"Next '{next.Title}' for {next.Role} due {UkTime.Format(next.DueOn)}.", null, actor);
                }

                EventOutcome? result = null;
                if (task.Raises is { Length: > 0 } eventName && instance.Status == InstanceStatus.Active && instance.State == task.State)
                {
                    result = await ApplyAsync(session, instance, new WorkflowEvent(eventName, data, actor), ct);
                }
                else
                {
                    instance.ConcurrencyStamp++;
                    instance.UpdatedAt = now;
                }
                await session.CommitAsync(ct);
                return new TaskCompletion(task, result);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }

    private async Task<EventOutcome> ApplyAsync(IWorkflowSession session, WorkflowInstance instance, WorkflowEvent e, CancellationToken ct)
    {
        if (instance.Status != InstanceStatus.Active) throw new InstanceClosedException(instance.Id, instance.State);
        var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, ct);
        if (!definition.Handles(instance.State, e.Name))
            throw new EventNotHandledException(instance.State, e.Name, definition.EventsOf(instance.State));
        var problems = EventDataValidator.Check(definition.Definition, e.Name, e.Data);
        if (problems.Count > 0) throw new EventDataException(e.Name, problems);

        var pupil = await session.FindPupilAsync(instance.PupilId, ct) ?? throw new PupilNotFoundException(instance.PupilId);
        var calendar = calendars.ForBorough(instance.BoroughId);
        var nowOffset = time.GetUtcNow();
        var now = nowOffset.UtcDateTime;
        instance.ConcurrencyStamp++;
        instance.UpdatedAt = now;
        var from = instance.State;

        RecordProgress(instance, e);
        var facts = FactsBuilder.Build(instance, pupil.YearGroup, e.Name, nowOffset, calendar);
        Journal(session, instance, now, JournalKinds.Event, from, $"Event '{e.Name}'{DescribeData(e.Data)}.",
            JsonSerializer.Serialize(e.Data.Values), e.Actor);

        TransitionDefinition? taken = null;
        foreach (var t in definition.TransitionsFrom(from, e.Name))
        {
            if (t.Rule is null || definition.Rules.Evaluate(t.Id, facts, e.Data))
            {
                taken = t;
                break;
            }
        }

        var factsJson = JsonSerializer.Serialize(facts);
        if (taken is null)
        {
            Journal(session, instance, now, JournalKinds.Stayed, from,
                $"Stayed in {definition.State(from).Name}: no rule held for '{e.Name}'.",
                $$"""{"facts":{{factsJson}}}""", e.Actor);
            return new EventOutcome(instance.Id, false, from, from, null, null, instance.Stage, instance.Status);
        }

        var fromState = definition.State(from);
        var toState = definition.State(taken.To);
        var rule = taken.Rule?.Name;
        Journal(session, instance, now, JournalKinds.Transition, from,
            $"Moved from {fromState.Name} to {toState.Name}: {taken.Label ?? taken.Id}{(rule is null ? "" : $" (rule {rule})")}.",
            JsonSerializer.Serialize(new { transition = taken.Id, rule, expression = taken.Rule?.Expression, to = taken.To, facts }),
            e.Actor);
        await LeaveAsync(session, instance, fromState, now, e.Actor, ct);
        Enter(session, definition, calendar, instance, toState, HowEntered(fromState, toState, e.Name), taken.Id, now, e.Actor);
        return new EventOutcome(instance.Id, true, from, toState.Id, rule, taken.Id, instance.Stage, instance.Status);
    }

    private static void RecordProgress(WorkflowInstance instance, WorkflowEvent e)
    {
        if (!e.Data.Has("progress")) return;
        var progress = e.Data.Text("progress") switch
        {
            "none" => Progress.None,
            "little" => Progress.Little,
            "expected" => Progress.Expected,
            "good" => Progress.Good,
            _ => Progress.Unknown,
        };
        if (progress == Progress.Unknown) return;
        instance.LastProgress = progress;
        instance.ReviewsInStage++;
        if (progress is Progress.None or Progress.Little) instance.ReviewsWithoutProgress++;
    }

    private static string HowEntered(StateDefinition from, StateDefinition to, string eventName)
    {
        if (eventName.StartsWith("assessment.requested", StringComparison.Ordinal)) return "request";
        if (from.Stage is { } a && to.Stage is { } b) return b > a ? "escalation" : b < a ? "step-down" : "transition";
        return to.Terminal ? "step-down" : "transition";
    }

    private static async Task LeaveAsync(IWorkflowSession session, WorkflowInstance instance, StateDefinition state, DateTime now, string? actor, CancellationToken ct)
    {
        // The session hands back tracked entities: a task completed by this very event is no longer open.
        var tasks = (await session.OpenTasksAsync(instance.Id, ct)).Where(t => t.Status == WorkTaskStatus.Open).ToList();
        foreach (var t in tasks)
        {
            t.Status = WorkTaskStatus.Cancelled;
            t.CompletedAt = now;
        }
        var timers = await session.PendingTimersAsync(instance.Id, ct);
        foreach (var t in timers)
        {
            t.Status = TimerStatus.Cancelled;
        }
        if (tasks.Count > 0)
            Journal(session, instance, now, JournalKinds.TasksCancelled, state.Id,
                $"Closed {tasks.Count} open task{(tasks.Count == 1 ? "" : "s")} of {state.Name}: {string.Join("; ", tasks.Select(t => t.Title))}.",
                null, actor);
        if (timers.Count > 0)
            Journal(session, instance, now, JournalKinds.TimersCancelled, state.Id,
                $"Stopped {timers.Count} timer{(timers.Count == 1 ? "" : "s")} of {state.Name}: {string.Join(", ", timers.Select(t => t.TimerId))}.",
                null, actor);
    }

    private static void Enter(IWorkflowSession session, CompiledDefinition definition, SchoolCalendar calendar,
        WorkflowInstance instance, StateDefinition state, string enteredBy, string via, DateTime now, string? actor)
    {
        instance.State = state.Id;
        instance.Stage = state.Stage;
        instance.EnteredStateAt = now;
        instance.EnteredBy = enteredBy;
        instance.EnteredVia = via;
        instance.ReviewsInStage = 0;
        instance.ReviewsWithoutProgress = 0;
        if (state.Terminal)
        {
            instance.Status = InstanceStatus.Closed;
            Journal(session, instance, now, JournalKinds.Closed, state.Id, $"{state.Name}: the workflow has ended.", null, actor);
            return;
        }

        var today = UkTime.DateOf(new DateTimeOffset(now, TimeSpan.Zero));
        var created = new List<WorkTask>(state.Tasks.Count);
        foreach (var t in state.Tasks)
        {
            var due = t.Due is null ? today : SchoolTime.Resolve(t.Due, today, calendar, definition);
            var task = CreateTask(instance, state.Id, t.Id, t.Title, t.Role, t.Kind, due, t.Raises,
                t.Repeat ? t.Due?.Next : null, now);
            session.Add(task);
            created.Add(task);
        }
        if (created.Count > 0)
        {
            Journal(session, instance, now, JournalKinds.TaskCreated, state.Id,
                $"Tasks of {state.Name}: {string.Join("; ", created.Select(t => $"'{t.Title}' for {t.Role}, due {UkTime.Format(t.DueOn)}"))}.",
                JsonSerializer.Serialize(created.Select(t => new { taskId = t.Id, task = t.DefinitionTaskId, t.Role, dueOn = t.DueOn })), actor);
        }
        var timers = new List<WorkflowTimer>(state.Timers.Count);
        foreach (var t in state.Timers)
        {
            var due = SchoolTime.Resolve((t.After ?? t.Every)!, today, calendar, definition);
            var timer = new WorkflowTimer
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
                InstanceId = instance.Id,
                State = state.Id,
                TimerId = t.Id,
                DueAt = UkTime.StartOf(due).UtcDateTime,
                Raises = t.Raises,
                Status = TimerStatus.Pending,
                CreatedAt = now,
            };
            session.Add(timer);
            timers.Add(timer);
        }
        if (timers.Count > 0)
        {
            Journal(session, instance, now, JournalKinds.TimerStarted, state.Id,
                $"Timers of {state.Name}: {string.Join("; ", timers.Select(t => $"'{t.TimerId}' set for {UkTime.Format(UkTime.DateOf(new DateTimeOffset(t.DueAt, TimeSpan.Zero)))}"))}.",
                JsonSerializer.Serialize(timers.Select(t => new { timerId = t.Id, timer = t.TimerId, dueAt = t.DueAt })), actor);
        }
    }

    private static WorkTask CreateTask(WorkflowInstance instance, string state, string taskId, string title, string role,
        string kind, DateOnly due, string? raises, string? repeatsAt, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
        InstanceId = instance.Id,
        PupilId = instance.PupilId,
        SchoolId = instance.SchoolId,
        State = state,
        DefinitionTaskId = taskId,
        Title = title,
        Role = role,
        Kind = kind,
        DueOn = due,
        Status = WorkTaskStatus.Open,
        CreatedAt = now,
        Raises = raises,
        RepeatsAt = repeatsAt,
    };

    private static EventData TaskEventData(WorkTask task, string? outcome, string? notes)
    {
        var values = new Dictionary<string, object?>
        {
            ["taskId"] = task.Id.ToString(),
            ["task"] = task.DefinitionTaskId,
        };
        if (outcome is not null)
        {
            values["outcome"] = outcome;
            if (task.Kind == "review") values["progress"] = outcome;
        }
        if (notes is not null) values["notes"] = notes;
        return new EventData(values);
    }

    private static string DescribeData(EventData data)
    {
        var shown = data.Values.Where(v => v.Key is not ("notes" or "taskId" or "task") && v.Value is not null)
            .Select(v => $"{v.Key} {Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)?.ToLowerInvariant()}")
            .ToList();
        return shown.Count == 0 ? "" : $" ({string.Join(", ", shown)})";
    }

    private static void Journal(IWorkflowSession session, WorkflowInstance instance, DateTime at, string kind,
        string state, string detail, string? data, string? actor) =>
        session.Add(new JournalEntry
        {
            InstanceId = instance.Id,
            At = at,
            Kind = kind,
            State = state,
            Detail = detail,
            Data = data,
            Actor = actor,
        });
}
