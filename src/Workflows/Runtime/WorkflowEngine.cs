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
    private const int MaxAttempts = 12;

    // Events for one instance queue here instead of racing to a conflict; the concurrency stamp still guards
    // against other processes sharing the database.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<WorkflowInstance> StartAsync(string definitionId, string pupilId, string? actor, CancellationToken ct)
    {
        await using var session = await store.OpenAsync(ct);
        var pupil = await session.FindSubjectAsync(pupilId, ct) ?? throw new SubjectNotFoundException(pupilId);
        var definition = await catalog.GetPublishedAsync(definitionId, pupil.BoroughId, ct);
        if (await session.FindActiveInstanceAsync(pupilId, definitionId, ct) is { } running)
            throw new AlreadyRunningException(pupilId, definitionId, running);
        var calendar = calendars.ForBorough(pupil.BoroughId);
        var now = time.GetUtcNow().UtcDateTime;
        var instance = NewInstance(definition, pupil, now, parentId: null);
        session.Add(instance);
        var initial = definition.State(definition.Definition.InitialState);
        Journal(session, instance, now, JournalKinds.Started, initial.Id,
            $"Started {definition.Definition.Name} (version {definition.Version}).", null, actor);
        await EnterAsync(session, definition, calendar, instance, pupil.YearGroup, initial, "start", "", now, actor, ct);
        await session.CommitAsync(ct);
        return instance;
    }

    public Task<EventOutcome> RaiseAsync(Guid instanceId, WorkflowEvent e, CancellationToken ct) =>
        InUnitOfWorkAsync(instanceId, async session =>
        {
            var instance = await session.FindInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
            return await ApplyAsync(session, instance, e, ct);
        }, ct);

    /// <summary>
    /// Completes a task and, in the same transaction, raises the event it stands for. The form filled in with it
    /// (a review's next targets, who attended a meeting, the pupil's views) goes into the journal with the completion.
    /// </summary>
    public Task<TaskCompletion> CompleteTaskAsync(Guid taskId, string? outcome, string? notes, string? actor, CancellationToken ct,
        IReadOnlyDictionary<string, string>? form = null) =>
        InUnitOfWorkAsync(async session =>
        {
            var task = await session.FindTaskAsync(taskId, ct) ?? throw new TaskNotFoundException(taskId);
            if (task.Status != WorkTaskStatus.Open) throw new TaskNotOpenException(task.Id, task.Status);
            var instance = await session.FindInstanceAsync(task.InstanceId, ct) ?? throw new InstanceNotFoundException(task.InstanceId);
            var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, instance.BoroughId, ct);
            var now = time.GetUtcNow().UtcDateTime;

            task.Status = WorkTaskStatus.Completed;
            task.CompletedAt = now;
            task.CompletedBy = actor;
            task.Outcome = outcome;
            task.Notes = notes;
            task.Revision++;
            var data = TaskEventData(definition, task, template: TemplateOf(definition, task), outcome, notes);
            if (task.Raises is { Length: > 0 } raises)
            {
                var problems = EventDataValidator.Check(definition.Definition, raises, data,
                    UkTime.DateOf(new DateTimeOffset(instance.StartedAt, TimeSpan.Zero)), UkTime.DateOf(time.GetUtcNow()));
                if (problems.Count > 0) throw new EventDataException(raises, problems);
            }
            Journal(session, instance, now, JournalKinds.TaskCompleted, instance.State,
                $"Completed '{task.Title}'{(outcome is { Length: > 0 } ? $" with outcome '{outcome}'" : "")}.",
                JsonSerializer.Serialize(new { taskId = task.Id, task = task.DefinitionTaskId, kind = task.Kind, outcome, form }), actor);

            EventOutcome? result = null;
            if (task.Raises is { Length: > 0 } eventName && instance.Status == InstanceStatus.Active && instance.State == task.State)
            {
                result = await ApplyAsync(session, instance, new WorkflowEvent(eventName, data, actor), ct);
            }
            else
            {
                Touch(instance, now);
            }
            // The next occurrence belongs to the state: only if the completion did not move the pupil on.
            if (task.RepeatsAt is { } point && instance.Status == InstanceStatus.Active && instance.State == task.State)
            {
                var calendar = calendars.ForBorough(instance.BoroughId);
                var template = definition.State(task.State).Tasks.FirstOrDefault(t => t.Id == task.DefinitionTaskId);
                var next = CreateTask(instance, task.State, template, task, calendar.NextPoint(point, task.DueOn), calendar, definition, now);
                session.Add(next);
                Journal(session, instance, now, JournalKinds.TaskCreated, instance.State,
                    $"Next '{next.Title}' for {next.Role} due {UkTime.Format(next.DueOn)}.", null, actor);
            }
            return new TaskCompletion(task, result);
        }, ct);

    /// <summary>
    /// Fires one durable timer, exactly once: marks it fired, raises its event and creates its task in one unit of
    /// work. A timer whose instance has gone or left the timer's state is cancelled and journaled instead.
    /// </summary>
    public Task<TimerOutcome> FireTimerAsync(Guid timerId, CancellationToken ct) =>
        InUnitOfWorkAsync(async session =>
        {
            var timer = await session.FindTimerAsync(timerId, ct);
            if (timer is not { Status: TimerStatus.Pending }) return TimerOutcome.Skipped;
            var now = time.GetUtcNow().UtcDateTime;
            var instance = await session.FindInstanceAsync(timer.InstanceId, ct);
            if (instance is null || instance.Status != InstanceStatus.Active || instance.State != timer.State)
            {
                timer.Status = TimerStatus.Cancelled;
                var why = instance is null ? "its workflow instance no longer exists" : $"the pupil has left '{timer.State}'";
                session.Add(new JournalEntry
                {
                    InstanceId = timer.InstanceId, At = now, Kind = JournalKinds.TimerCancelled, State = timer.State,
                    Detail = $"Timer '{timer.TimerId}' was cancelled, not fired: {why}.",
                    Data = JsonSerializer.Serialize(new { timerId = timer.Id, timer = timer.TimerId, dueAt = timer.DueAt }),
                    Actor = "timer",
                });
                if (instance is not null) Touch(instance, now);
                return TimerOutcome.Cancelled;
            }

            var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, instance.BoroughId, ct);
            var state = definition.State(timer.State);
            var declared = state.Timers.FirstOrDefault(t => t.Id == timer.TimerId);
            var calendar = calendars.ForBorough(instance.BoroughId);
            var dueDay = UkTime.DateOf(new DateTimeOffset(timer.DueAt, TimeSpan.Zero));
            timer.Status = TimerStatus.Fired;
            timer.FiredAt = now;
            Journal(session, instance, now, JournalKinds.TimerFired, state.Id,
                $"Timer '{timer.TimerId}' fell due on {UkTime.Format(dueDay)}{(declared?.Description is { } d ? $": {d}" : ".")}",
                JsonSerializer.Serialize(new { timerId = timer.Id, timer = timer.TimerId, dueAt = timer.DueAt }), "timer");

            if (declared is not null && !string.IsNullOrEmpty(declared.Raises)
                && definition.TransitionsFrom(state.Id, declared.Raises).Count > 0)
            {
                await ApplyAsync(session, instance, new WorkflowEvent(declared.Raises, EventData.Empty, "timer"), ct);
            }
            else
            {
                Touch(instance, now);
            }
            if (declared is null || instance.State != state.Id || instance.Status != InstanceStatus.Active) return TimerOutcome.Fired;

            if (declared.Task is { } template)
            {
                var due = template.Due is null ? dueDay : SchoolTime.Resolve(template.Due, dueDay, calendar, definition);
                var task = CreateTask(instance, state.Id, template, null, due, calendar, definition, now);
                session.Add(task);
                Journal(session, instance, now, JournalKinds.TaskCreated, state.Id,
                    $"'{task.Title}' for {task.Role}, due {UkTime.Format(task.DueOn)}.",
                    JsonSerializer.Serialize(new[] { new { taskId = task.Id, task = task.DefinitionTaskId, task.Role, dueOn = task.DueOn } }), "timer");
            }
            if (declared.Every is { } every)
            {
                var next = SchoolTime.Resolve(every, dueDay, calendar, definition);
                var repeat = NewTimer(instance, state.Id, declared, next, now);
                session.Add(repeat);
                Journal(session, instance, now, JournalKinds.TimerStarted, state.Id,
                    $"Timer '{declared.Id}' set again for {UkTime.Format(next)}.",
                    JsonSerializer.Serialize(new[] { new { timerId = repeat.Id, timer = repeat.TimerId, dueAt = repeat.DueAt } }), "timer");
            }
            return TimerOutcome.Fired;
        }, ct);

    /// <summary>
    /// Warns the roles of many open tasks that they fall due soon, each once, in one unit of work: a reminder
    /// changes no state, so it needs no event of its own.
    /// </summary>
    public Task<int> WarnManyAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct) =>
        InUnitOfWorkAsync(async session =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var warned = 0;
            foreach (var task in await session.FindTasksAsync(taskIds, ct))
            {
                if (task is not { Status: WorkTaskStatus.Open, WarnedAt: null }) continue;
                task.WarnedAt = now;
                task.Revision++;
                warned++;
                session.Add(new JournalEntry
                {
                    InstanceId = task.InstanceId, At = now, Kind = JournalKinds.TaskWarning, State = task.State,
                    Detail = $"Reminder to {task.Role}: '{task.Title}' is due {UkTime.Format(task.DueOn)}.",
                    Data = JsonSerializer.Serialize(new { taskId = task.Id, task = task.DefinitionTaskId, dueOn = task.DueOn }),
                    Actor = "deadline",
                });
            }
            return warned;
        }, ct);

    /// <summary>
    /// Records that an open task went overdue and gives an escalation task to the SENCo (or the LA officer for
    /// statutory steps); once.
    /// </summary>
    public Task<bool> EscalateAsync(Guid taskId, CancellationToken ct) =>
        InUnitOfWorkAsync(async session =>
        {
            var task = await session.FindTaskAsync(taskId, ct);
            if (task is not { Status: WorkTaskStatus.Open, EscalatedAt: null }) return false;
            var instance = await session.FindInstanceAsync(task.InstanceId, ct);
            if (instance is null) return false;
            var now = time.GetUtcNow().UtcDateTime;
            var today = UkTime.DateOf(new DateTimeOffset(now, TimeSpan.Zero));
            task.EscalatedAt = now;
            task.Revision++;
            Touch(instance, now);
            var calendar = calendars.ForBorough(instance.BoroughId);
            var due = calendar.Covers(today) ? calendar.AddSchoolDays(today, 2) : today.AddDays(2);
            var escalation = new WorkTask
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
                InstanceId = instance.Id,
                SubjectId = instance.SubjectId,
                SchoolId = instance.SchoolId,
                State = task.State,
                DefinitionTaskId = $"escalation:{task.DefinitionTaskId}",
                Title = $"Overdue since {UkTime.Format(task.DueOn)}: {task.Title} ({task.Role})",
                Role = task.EscalateTo,
                Kind = "escalation",
                DueOn = due,
                Status = WorkTaskStatus.Open,
                CreatedAt = now,
                EscalateTo = task.EscalateTo,
                EscalationOf = task.Id,
                EscalatedAt = now,
            };
            session.Add(escalation);
            Journal(session, instance, now, JournalKinds.TaskOverdue, instance.State,
                $"'{task.Title}' for {task.Role} was due {UkTime.Format(task.DueOn)} and is overdue: escalated to {task.EscalateTo}.",
                JsonSerializer.Serialize(new { taskId = task.Id, task = task.DefinitionTaskId, dueOn = task.DueOn, escalationTaskId = escalation.Id, to = task.EscalateTo }),
                "deadline");
            return true;
        }, ct);

    /// <summary>
    /// Re-plans the pending deadlines of a running instance under the parameters in force now (after a borough changed
    /// its timelines): one-off timers and the state's open tasks whose timing uses a parameter move, counted from the
    /// same day as before; repeating timers keep their rhythm. Journaled with what moved; returns how many moved.
    /// </summary>
    public Task<int> ReplanAsync(Guid instanceId, string reason, string? actor, CancellationToken ct) =>
        InUnitOfWorkAsync(instanceId, async session =>
        {
            var instance = await session.FindInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
            if (instance.Status != InstanceStatus.Active) return 0;
            var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, instance.BoroughId, ct);
            var state = definition.State(instance.State);
            var calendar = calendars.ForBorough(instance.BoroughId);
            var anchors = await AnchorsAsync(session, instance, state, ct);
            var started = UkTime.DateOf(new DateTimeOffset(instance.StartedAt, TimeSpan.Zero));
            var entered = UkTime.DateOf(new DateTimeOffset(instance.EnteredStateAt, TimeSpan.Zero));
            var now = time.GetUtcNow().UtcDateTime;
            var moved = new List<string>();

            foreach (var timer in await session.PendingTimersAsync(instance.Id, ct))
            {
                if (timer.State != state.Id || state.Timers.FirstOrDefault(t => t.Id == timer.TimerId)?.After is not { Param: not null } when)
                    continue;
                var dueAt = UkTime.StartOf(SchoolTime.Resolve(when, Anchor(when, started, entered, anchors), calendar, definition)).UtcDateTime;
                if (dueAt == timer.DueAt) continue;
                moved.Add($"timer '{timer.TimerId}' from {UkTime.Format(DayOf(timer.DueAt))} to {UkTime.Format(DayOf(dueAt))}");
                timer.DueAt = dueAt;
            }
            foreach (var task in await session.OpenTasksAsync(instance.Id, ct))
            {
                if (task.Status != WorkTaskStatus.Open || task.State != state.Id) continue;
                var template = state.Tasks.FirstOrDefault(t => t.Id == task.DefinitionTaskId);
                if (template is null || template.Repeat || (template.Due?.Param is null && template.Warn?.Param is null)) continue;
                var due = template.Due is null ? task.DueOn : SchoolTime.Resolve(template.Due, Anchor(template.Due, started, entered, anchors), calendar, definition);
                DateOnly? warnOn = template.Warn is { } warn ? SchoolTime.Before(warn, due, calendar, definition) : null;
                if (due == task.DueOn && warnOn == task.WarnOn) continue;
                moved.Add(due == task.DueOn
                    ? $"reminder of '{task.Title}' to {(warnOn is { } w ? UkTime.Format(w) : "none")}"
                    : $"'{task.Title}' due from {UkTime.Format(task.DueOn)} to {UkTime.Format(due)}");
                if (task.WarnedAt is { } warned && warnOn > DayOf(warned)) task.WarnedAt = null;
                task.DueOn = due;
                task.WarnOn = warnOn;
                task.Revision++;
            }
            if (moved.Count == 0) return 0;
            Touch(instance, now);
            Journal(session, instance, now, JournalKinds.Replanned, state.Id, $"Re-planned {reason}: {string.Join("; ", moved)}.", null, actor);
            return moved.Count;
        }, ct);

    private static DateOnly DayOf(DateTime utc) => UkTime.DateOf(new DateTimeOffset(utc, TimeSpan.Zero));

    private Task<T> InUnitOfWorkAsync<T>(Func<IWorkflowSession, Task<T>> work, CancellationToken ct) =>
        InUnitOfWorkAsync(null, work, ct);

    private async Task<T> InUnitOfWorkAsync<T>(Guid? instanceId, Func<IWorkflowSession, Task<T>> work, CancellationToken ct)
    {
        var stripe = instanceId is { } id ? _stripes[(id.GetHashCode() & int.MaxValue) % _stripes.Length] : null;
        if (stripe is not null) await stripe.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var session = await store.OpenAsync(ct);
                    var result = await work(session);
                    await session.CommitAsync(ct);
                    return result;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    await Task.Delay(Random.Shared.Next(1, 4 * attempt), ct);
                }
            }
        }
        finally
        {
            stripe?.Release();
        }
    }

    private static void Touch(WorkflowInstance instance, DateTime now)
    {
        instance.ConcurrencyStamp++;
        instance.UpdatedAt = now;
    }

    private async Task<EventOutcome> ApplyAsync(IWorkflowSession session, WorkflowInstance instance, WorkflowEvent e, CancellationToken ct)
    {
        if (instance.Status != InstanceStatus.Active) throw new InstanceClosedException(instance.Id, instance.State);
        var definition = await catalog.GetAsync(instance.DefinitionId, instance.Version, instance.BoroughId, ct);
        if (!definition.Handles(instance.State, e.Name))
            throw new EventNotHandledException(instance.State, e.Name, definition.EventsOf(instance.State));
        var problems = EventDataValidator.Check(definition.Definition, e.Name, e.Data,
            UkTime.DateOf(new DateTimeOffset(instance.StartedAt, TimeSpan.Zero)), UkTime.DateOf(time.GetUtcNow()));
        if (problems.Count > 0) throw new EventDataException(e.Name, problems);

        var pupil = await session.FindSubjectAsync(instance.SubjectId, ct) ?? throw new SubjectNotFoundException(instance.SubjectId);
        var calendar = calendars.ForBorough(instance.BoroughId);
        var nowOffset = time.GetUtcNow();
        var now = nowOffset.UtcDateTime;
        Touch(instance, now);
        var from = instance.State;

        RecordProgress(instance, e, definition.Definition.Events.GetValueOrDefault(e.Name)?.Measure);
        var facts = FactsBuilder.Build(instance, pupil.YearGroup, e.Name, nowOffset, calendar);
        Journal(session, instance, now, JournalKinds.Event, from, $"Event '{e.Name}'{DescribeData(e.Data)}.",
            JsonSerializer.Serialize(e.Data.Values), e.Actor);
        if (definition.Definition.Events.TryGetValue(e.Name, out var declared) && declared.Milestone is { } milestone)
            session.Add(NewMilestone(instance, milestone, e, UkTime.DateOf(nowOffset), now));

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
        await EnterAsync(session, definition, calendar, instance, pupil.YearGroup, toState, HowEntered(fromState, toState, taken), taken.Id, now, e.Actor, ct, e.Data);
        return new EventOutcome(instance.Id, true, from, toState.Id, rule, taken.Id, instance.Stage, instance.Status);
    }

    private static void RecordProgress(WorkflowInstance instance, WorkflowEvent e, string? measure)
    {
        if (measure is null || !e.Data.Has(measure)) return;
        var text = e.Data.Text(measure);
        if (text.Length == 0 || !char.IsLetter(text[0]) || !Enum.TryParse<Progress>(text, ignoreCase: true, out var progress)) return;
        if (progress == Progress.Unknown) return;
        instance.LastProgress = progress;
        instance.ReviewsInStage++;
        if (progress is Progress.None or Progress.Little) instance.ReviewsWithoutProgress++;
    }

    private static string HowEntered(StateDefinition from, StateDefinition to, TransitionDefinition taken)
    {
        if (taken.EnteredAs is { } named) return named;
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

    /// <summary>Enters a state and, in the same unit of work, starts the workflow it starts or tells the parent how this one ended.</summary>
    private async Task EnterAsync(IWorkflowSession session, CompiledDefinition definition, SchoolCalendar calendar,
        WorkflowInstance instance, int yearGroup, StateDefinition state, string enteredBy, string via, DateTime now, string? actor,
        CancellationToken ct, EventData? entering = null)
    {
        var anchors = await AnchorsAsync(session, instance, state, ct);
        Enter(session, definition, calendar, instance, yearGroup, anchors, state, enteredBy, via, now, actor);
        if (state.Terminal && state.Notifies is { } notification && instance.ParentInstanceId is { } parentId)
            await NotifyParentAsync(session, instance, state, notification, parentId, now, actor, ct);
        if (!state.Terminal && state.Starts is { } childId)
        {
            // The event's own data was checked against its declaration (a date, not in the future), so it can be trusted here.
            var from = state.StartsFrom is { } field && entering is not null
                && DateOnly.TryParseExact(entering.Text(field), "yyyy-MM-dd", out var day) && day < UkTime.DateOf(new DateTimeOffset(now, TimeSpan.Zero))
                ? UkTime.StartOf(day).UtcDateTime
                : now;
            await StartChildAsync(session, calendar, instance, yearGroup, state, childId, from, now, actor, ct);
        }
    }

    /// <summary>The dates of the milestones the state's timeframes count from (the start where there is none yet).</summary>
    private static async Task<Dictionary<string, DateOnly>> AnchorsAsync(IWorkflowSession session, WorkflowInstance instance,
        StateDefinition state, CancellationToken ct)
    {
        var anchors = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var names = state.Tasks.Select(t => t.Due?.Milestone())
            .Concat(state.Timers.Select(t => (t.After ?? t.Every)?.Milestone()))
            .OfType<string>().Distinct();
        foreach (var name in names)
        {
            anchors[name] = await session.LatestMilestoneAsync(instance.Id, name, ct)
                ?? UkTime.DateOf(new DateTimeOffset(instance.StartedAt, TimeSpan.Zero));
        }
        return anchors;
    }

    private async Task StartChildAsync(IWorkflowSession session, SchoolCalendar calendar, WorkflowInstance parent, int yearGroup,
        StateDefinition state, string childId, DateTime startedAt, DateTime now, string? actor, CancellationToken ct)
    {
        var child = await catalog.GetPublishedAsync(childId, parent.BoroughId, ct);
        if (await session.FindActiveInstanceAsync(parent.SubjectId, childId, ct) is { } running)
        {
            Journal(session, parent, now, JournalKinds.ChildStarted, state.Id,
                $"{child.Definition.Name} is already running for this pupil; it was not started again.",
                JsonSerializer.Serialize(new { childInstanceId = running, definition = childId }), actor);
            return;
        }
        var instance = NewInstance(child, new SubjectPlacement(parent.SubjectId, parent.SchoolId, parent.BoroughId, yearGroup), now, parent.Id);
        instance.StartedAt = startedAt;
        session.Add(instance);
        Journal(session, parent, now, JournalKinds.ChildStarted, state.Id,
            $"Started {child.Definition.Name} (version {child.Version}).",
            JsonSerializer.Serialize(new { childInstanceId = instance.Id, definition = child.Id, version = child.Version }), actor);
        var initial = child.State(child.Definition.InitialState);
        Journal(session, instance, now, JournalKinds.Started, initial.Id,
            $"Started {child.Definition.Name} (version {child.Version}) from {state.Name}"
            + (startedAt < now ? $", counting from {UkTime.Format(UkTime.DateOf(new DateTimeOffset(startedAt, TimeSpan.Zero)))}." : "."),
            JsonSerializer.Serialize(new { parentInstanceId = parent.Id }), actor);
        await EnterAsync(session, child, calendar, instance, yearGroup, initial, "start", "", now, actor, ct);
    }

    private static WorkflowInstance NewInstance(CompiledDefinition definition, SubjectPlacement pupil, DateTime now, Guid? parentId) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
        DefinitionId = definition.Id,
        Version = definition.Version,
        SubjectId = pupil.SubjectId,
        SchoolId = pupil.SchoolId,
        BoroughId = pupil.BoroughId,
        StartedAt = now,
        UpdatedAt = now,
        Status = InstanceStatus.Active,
        ParentInstanceId = parentId,
    };

    private async Task NotifyParentAsync(IWorkflowSession session, WorkflowInstance child, StateDefinition state,
        ParentNotification notification, Guid parentId, DateTime now, string? actor, CancellationToken ct)
    {
        var parent = await session.FindInstanceAsync(parentId, ct);
        if (parent is not { Status: InstanceStatus.Active })
        {
            Journal(session, child, now, JournalKinds.ParentNotWaiting, state.Id,
                $"Ended in {state.Name}; the workflow that started it has ended, so '{notification.Event}' was not sent.", null, actor);
            return;
        }
        var parentDefinition = await catalog.GetAsync(parent.DefinitionId, parent.Version, parent.BoroughId, ct);
        if (!parentDefinition.Handles(parent.State, notification.Event))
        {
            Journal(session, child, now, JournalKinds.ParentNotWaiting, state.Id,
                $"Ended in {state.Name}; the pupil has moved on to '{parent.State}', which does not wait for '{notification.Event}'.", null, actor);
            return;
        }
        await ApplyAsync(session, parent, new WorkflowEvent(notification.Event, EventData.FromJson(notification.Data), actor), ct);
    }

    private static void Enter(IWorkflowSession session, CompiledDefinition definition, SchoolCalendar calendar,
        WorkflowInstance instance, int yearGroup, Dictionary<string, DateOnly> anchors, StateDefinition state,
        string enteredBy, string via, DateTime now, string? actor)
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
        var started = UkTime.DateOf(new DateTimeOffset(instance.StartedAt, TimeSpan.Zero));
        var created = new List<WorkTask>(state.Tasks.Count);
        var facts = state.Tasks.Any(t => t.If is not null)
            ? FactsBuilder.Build(instance, yearGroup, "enter", new DateTimeOffset(now, TimeSpan.Zero), calendar)
            : null;
        foreach (var t in state.Tasks)
        {
            if (facts is not null && !definition.TaskApplies(state.Id, t, facts)) continue;
            var due = t.Due is null ? today : SchoolTime.Resolve(t.Due, Anchor(t.Due, started, today, anchors), calendar, definition);
            var task = CreateTask(instance, state.Id, t, null, due, calendar, definition, now);
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
        var passed = new List<string>();
        foreach (var t in state.Timers)
        {
            var when = (t.After ?? t.Every)!;
            var due = SchoolTime.Resolve(when, Anchor(when, started, today, anchors), calendar, definition);
            // A deadline that counts from the start or a milestone and fell before today has already passed (and
            // fired in the state the pupil was in then): setting it again would only raise it twice.
            if (t.After is not null && due < today && enteredBy != "start" && (when.CountsFromStart() || when.Milestone() is not null))
            {
                passed.Add($"'{t.Id}' already passed on {UkTime.Format(due)}");
                continue;
            }
            var timer = NewTimer(instance, state.Id, t, due, now);
            session.Add(timer);
            timers.Add(timer);
        }
        if (timers.Count + passed.Count > 0)
        {
            Journal(session, instance, now, JournalKinds.TimerStarted, state.Id,
                $"Timers of {state.Name}: {string.Join("; ", timers.Select(t => $"'{t.TimerId}' set for {UkTime.Format(UkTime.DateOf(new DateTimeOffset(t.DueAt, TimeSpan.Zero)))}").Concat(passed))}.",
                JsonSerializer.Serialize(timers.Select(t => new { timerId = t.Id, timer = t.TimerId, dueAt = t.DueAt })), actor);
        }
    }

    /// <summary>The day an offset counts from: the state's entry, the instance's start, or a milestone.</summary>
    private static DateOnly Anchor(When when, DateOnly started, DateOnly entered, Dictionary<string, DateOnly> anchors) =>
        when.CountsFromStart() ? started
        : when.Milestone() is { } m ? anchors.GetValueOrDefault(m, started)
        : entered;

    private static Milestone NewMilestone(WorkflowInstance instance, MilestoneDefinition milestone, WorkflowEvent e, DateOnly today, DateTime now) => new()
    {
        InstanceId = instance.Id,
        DefinitionId = instance.DefinitionId,
        BoroughId = instance.BoroughId,
        SubjectId = instance.SubjectId,
        Name = milestone.Id,
        On = milestone.Date is { } field && DateOnly.TryParseExact(e.Data.Text(field), "yyyy-MM-dd", out var on) ? on : today,
        RecordedAt = now,
        Actor = e.Actor,
    };

    /// <summary>A task from its definition (or, for a repeat, from the previous occurrence when the definition has none).</summary>
    private static WorkTask CreateTask(WorkflowInstance instance, string state, TaskDefinition? template, WorkTask? previous,
        DateOnly due, SchoolCalendar calendar, CompiledDefinition definition, DateTime now)
    {
        DateOnly? warnOn = template?.Warn is { } warn ? SchoolTime.Before(warn, due, calendar, definition) : null;
        return new WorkTask
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
            InstanceId = instance.Id,
            SubjectId = instance.SubjectId,
            SchoolId = instance.SchoolId,
            State = state,
            DefinitionTaskId = template?.Id ?? previous!.DefinitionTaskId,
            Title = template?.Title ?? previous!.Title,
            Role = template?.Role ?? previous!.Role,
            Kind = template?.Kind ?? previous!.Kind,
            Form = template is null ? previous!.Form : template.Form,
            DueOn = due,
            Status = WorkTaskStatus.Open,
            CreatedAt = now,
            Raises = template is null ? previous!.Raises : template.Raises,
            RepeatsAt = template is null ? previous!.RepeatsAt : template.Repeat ? template.Due?.Next : null,
            WarnOn = warnOn,
            EscalateTo = template is null ? previous!.EscalateTo : template.EscalateTo ?? definition.Definition.EscalateTo ?? "",
        };
    }

    private static WorkflowTimer NewTimer(WorkflowInstance instance, string state, TimerDefinition t, DateOnly due, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
        InstanceId = instance.Id,
        State = state,
        TimerId = t.Id,
        DueAt = UkTime.StartOf(due).UtcDateTime,
        Raises = t.Raises,
        Status = TimerStatus.Pending,
        CreatedAt = now,
    };

    private static TaskDefinition? TemplateOf(CompiledDefinition definition, WorkTask task) =>
        definition.States.TryGetValue(task.State, out var state)
            ? state.Tasks.FirstOrDefault(t => t.Id == task.DefinitionTaskId)
                ?? state.Timers.Select(t => t.Task).FirstOrDefault(t => t?.Id == task.DefinitionTaskId)
            : null;

    private static EventData TaskEventData(CompiledDefinition definition, WorkTask task, TaskDefinition? template, string? outcome, string? notes)
    {
        var values = new Dictionary<string, object?>
        {
            ["taskId"] = task.Id.ToString(),
            ["task"] = task.DefinitionTaskId,
        };
        if (outcome is not null)
        {
            values["outcome"] = outcome;
            if (template?.OutcomeIsMeasure != false && task.Raises is { } raised
                && definition.Definition.Events.TryGetValue(raised, out var declared) && declared.Measure is { } measure)
                values[measure] = outcome;
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
