namespace SendWorkflow.Workflows.Runtime.Transitions;

/// <summary>
/// Handles an event inside a unit of work: checks it, records it and its measure, computes the facts, lets NRules choose the
/// transition (the first by priority whose rule holds) or stays; on a transition leaves the old state and enters the new one.
/// </summary>
internal sealed class EventApplier
{
    private readonly EngineServices _services;
    private readonly StateEnterer _states;

    public EventApplier(EngineServices services)
    {
        _services = services;
        _states = new StateEnterer(services, this);
    }

    public async Task<EventOutcome> ApplyAsync(IWorkflowSession session, WorkflowInstance instance, WorkflowEvent e, CancellationToken ct)
    {
        if (instance.Status != InstanceStatus.Active) throw new InstanceClosedException(instance.Id, instance.State);
        var definition = await _services.DefinitionOfAsync(instance, ct);
        var nowOffset = _services.Time.GetUtcNow();
        Check(definition, instance, e, UkTime.DateOf(nowOffset));
        var subject = await session.FindSubjectAsync(instance.SubjectId, ct) ?? throw new SubjectNotFoundException(instance.SubjectId);
        var ctx = new InstanceContext(session, instance, definition, _services.Calendars.ForBorough(instance.BoroughId),
            nowOffset.UtcDateTime, e.Actor);
        instance.Touch(ctx.Now);
        var from = definition.State(instance.State);

        MeasureRecorder.Record(instance, definition.Definition, e, ctx.Today);
        var input = FactsBuilder.Input(instance, subject, e, nowOffset, ctx.Calendar, definition.Rules);
        var facts = input.Facts;
        EventJournal.Event(ctx.Journal, from.Id, e);
        if (definition.Definition.Events.TryGetValue(e.Name, out var declared) && declared.Milestone is { } milestone)
            session.Add(MilestoneFactory.Create(instance, milestone, e, ctx.Today, ctx.Now));

        var (taken, decision) = definition.Choose(from.Id, e.Name, input);
        EventJournal.RuleErrors(ctx.Journal, from.Id, decision);
        if (taken is null)
        {
            EventJournal.Stayed(ctx.Journal, from, e.Name, facts, decision);
            StateJournal.TasksCreated(ctx.Journal, from, await StateEnterer.HandOutOnEventAsync(ctx, from, e.Name, input, ct));
            return Outcome(instance, from.Id, null);
        }
        var to = definition.State(taken.To);
        var why = taken.Rule is null ? null : definition.Rules.ExplainMatch(taken.Id, input, decision!);
        EventJournal.Transition(ctx.Journal, (from, to), taken, facts, why);
        await StateLeaver.LeaveAsync(ctx, from, ending: to.Terminal, ct);
        var entry = StateEntry.Of(to, EntryName.Of(taken, from, to), taken.Id, subject, e.Data);
        await _states.EnterAsync(ctx, entry, ct);
        return Outcome(instance, from.Id, taken);
    }

    private static EventOutcome Outcome(WorkflowInstance instance, string from, TransitionDefinition? taken) => new()
    {
        InstanceId = instance.Id,
        Transitioned = taken is not null,
        From = from,
        To = taken?.To ?? from,
        Rule = taken?.Rule?.Name,
        TransitionId = taken?.Id,
        Stage = instance.Stage,
        Status = instance.Status,
    };

    private static void Check(CompiledDefinition definition, WorkflowInstance instance, WorkflowEvent e, DateOnly today)
    {
        if (!definition.Handles(instance.State, e.Name))
            throw new EventNotHandledException(instance.State, e.Name, definition.EventsOf(instance.State));
        var problems = EventDataValidator.Check(definition.Definition, e.Name, e.Data, UkTime.DateOfUtc(instance.StartedAt), today);
        if (problems.Count > 0) throw new EventDataException(e.Name, problems);
    }
}
