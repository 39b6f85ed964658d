using System.Globalization;

namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>
/// Enters a state: sets the instance's state, creates the state's tasks and starts its timers, and in the same unit of
/// work starts the workflow the state starts or tells the parent how this one ended.
/// </summary>
internal sealed class StateEnterer
{
    private readonly ChildStarter _children;
    private readonly ParentNotifier _parents;

    public StateEnterer(EngineServices services, EventApplier events)
    {
        _children = new ChildStarter(services, this);
        _parents = new ParentNotifier(services, events);
    }

    public async Task EnterAsync(InstanceContext ctx, StateEntry entry, CancellationToken ct)
    {
        var state = entry.State;
        var anchors = await DayAnchors.ForStateAsync(ctx.Session, ctx.Instance, state, ctx.Today, ct);
        SetState(ctx, entry);
        if (state.Terminal)
        {
            ctx.Instance.Status = InstanceStatus.Closed;
            StateJournal.Closed(ctx.Journal, state);
            if (state.Notifies is { } notification && ctx.Instance.ParentInstanceId is { } parentId)
                await _parents.NotifyAsync(ctx, state, notification, parentId, ct);
            return;
        }
        var conditions = state.Tasks.Any(t => t.If is not null && t.On is null) ? TaskConditions(ctx, entry) : null;
        StateJournal.TasksCreated(ctx.Journal, state, await CreateTasksAsync(ctx, state, anchors, t => t.On is null, conditions, ct));
        StartTimers(ctx, entry, anchors);
        if (state.Starts is { } childId) await _children.StartAsync(ctx, entry, childId, CountsFrom(ctx, entry), ct);
    }

    private static void SetState(InstanceContext ctx, StateEntry entry)
    {
        var instance = ctx.Instance;
        instance.State = entry.State.Id;
        instance.Stage = entry.State.Stage;
        instance.EnteredStateAt = ctx.Now;
        instance.EnteredBy = entry.EnteredBy;
        instance.EnteredVia = entry.Via;
        instance.ReviewsInStage = 0;
        instance.ReviewsWithoutProgress = 0;
    }

    /// <summary>
    /// Hands out the state's tasks of the instance that have a condition, hold now and the instance has never had: the
    /// subject's facts (its year group) moved on since it entered the state. Due dates count from today.
    /// </summary>
    public static async Task<List<WorkTask>> HandOutInstanceTasksAsync(InstanceContext ctx, StateEntry entry, CancellationToken ct)
    {
        var anchors = await DayAnchors.ForStateAsync(ctx.Session, ctx.Instance, entry.State, ctx.Today, ct);
        return await CreateTasksAsync(ctx, entry.State, anchors, t => t.OfInstance() && t.If is not null && t.On is null,
            TaskConditions(ctx, entry), ct);
    }

    /// <summary>
    /// Hands out the state's tasks that wait for the event (<c>on</c>) when it arrives and the instance stays in the state:
    /// those whose condition holds on the event (its facts and its data). Due dates count as on entering the state.
    /// </summary>
    public static async Task<List<WorkTask>> HandOutOnEventAsync(InstanceContext ctx, StateDefinition state, string eventName, RuleInput input,
        CancellationToken ct)
    {
        if (!state.Tasks.Any(t => t.On == eventName)) return [];
        var anchors = await DayAnchors.ForStateAsync(ctx.Session, ctx.Instance, state, ctx.Today, ct);
        Decision? conditions = null;
        if (state.Tasks.Any(t => t.On == eventName && t.If is not null))
        {
            conditions = ctx.Definition.TaskConditions(state.Id, input);
            EventJournal.RuleErrors(ctx.Journal, state.Id, conditions);
        }
        return await CreateTasksAsync(ctx, state, anchors, t => t.On == eventName, conditions, ct);
    }

    private static async Task<List<WorkTask>> CreateTasksAsync(InstanceContext ctx, StateDefinition state, DayAnchors anchors,
        Func<TaskDefinition, bool> which, Decision? conditions, CancellationToken ct)
    {
        var created = new List<WorkTask>(state.Tasks.Count);
        foreach (var t in state.Tasks.Where(which))
        {
            if (!CompiledDefinition.TaskApplies(state.Id, t, conditions)) continue;
            // A task of the instance is made once: coming back to the state does not hand it out again.
            if (t.OfInstance() && await ctx.Session.HasTaskAsync(ctx.Instance.Id, t.Id, ct)) continue;
            var due = t.Due is null ? ctx.Today : SchoolTime.Resolve(t.Due, anchors.From(t.Due), ctx.Calendar, ctx.Definition);
            var task = WorkTaskFactory.Create(ctx, state.Id, t, due);
            ctx.Session.Add(task);
            created.Add(task);
        }
        return created;
    }

    private static Decision TaskConditions(InstanceContext ctx, StateEntry entry)
    {
        var now = new DateTimeOffset(ctx.Now, TimeSpan.Zero);
        var input = new RuleInput(FactsBuilder.Build(ctx.Instance, entry.YearGroup, "enter", now, ctx.Calendar,
            entry.Placement(ctx.Instance)), EventData.Empty)
        {
            Reviews = ctx.Definition.Rules.ReadsReviews ? FactsBuilder.Measures(ctx.Instance, now, ctx.Calendar) : [],
        };
        var decision = ctx.Definition.TaskConditions(entry.State.Id, input);
        EventJournal.RuleErrors(ctx.Journal, entry.State.Id, decision);
        return decision;
    }

    private static void StartTimers(InstanceContext ctx, StateEntry entry, DayAnchors anchors)
    {
        var state = entry.State;
        var timers = new List<WorkflowTimer>(state.Timers.Count);
        var passed = new List<string>();
        foreach (var t in state.Timers)
        {
            var when = (t.After ?? t.Every)!;
            var due = SchoolTime.Resolve(when, anchors.From(when), ctx.Calendar, ctx.Definition);
            // A deadline that counts from the start or a milestone and fell before today has already passed (and
            // fired in the state the instance was in then): setting it again would only raise it twice.
            if (t.After is not null && due < ctx.Today && entry.EnteredBy != StateEntry.Start
                && (when.CountsFromStart() || when.Milestone() is not null))
            {
                passed.Add($"'{t.Id}' already passed on {UkTime.Format(due)}");
                continue;
            }
            var timer = TimerFactory.Create(ctx.Instance, state.Id, t, due, ctx.Now);
            ctx.Session.Add(timer);
            timers.Add(timer);
        }
        StateJournal.TimersStarted(ctx.Journal, state, timers, passed);
    }

    /// <summary>
    /// The instant a started workflow counts from: the day in the entering event's date field, when the state names one
    /// and it is before today (the event's data was checked against its declaration, so it can be trusted), else now.
    /// </summary>
    private static DateTime CountsFrom(InstanceContext ctx, StateEntry entry) =>
        entry.State.StartsFrom is { } field && entry.Data is { } data
        && DateOnly.TryParseExact(data.Text(field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && day < ctx.Today
            ? UkTime.StartOf(day).UtcDateTime
            : ctx.Now;
}
