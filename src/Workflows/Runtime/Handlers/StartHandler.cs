namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>Starts a definition's published version for a subject: the instance enters the initial state in one unit of work.</summary>
internal sealed class StartHandler(EngineServices services, EventApplier events)
{
    private readonly StateEnterer _states = new(services, events);

    public async Task<WorkflowInstance> StartAsync(string definitionId, string subjectId, string? actor, CancellationToken ct)
    {
        await using var session = await services.Store.OpenAsync(ct);
        var subject = await session.FindSubjectAsync(subjectId, ct) ?? throw new SubjectNotFoundException(subjectId);
        var definition = await services.Catalog.GetPublishedAsync(definitionId, subject, ct);
        if (await session.FindActiveInstanceAsync(subjectId, definitionId, ct) is { } running)
            throw new AlreadyRunningException(subjectId, definitionId, running);
        var calendar = services.Calendars.ForBorough(subject.BoroughId);
        var now = services.Now();
        var instance = InstanceFactory.Create(definition, subject, now, parentId: null);
        session.Add(instance);
        var initial = definition.State(definition.Definition.InitialState);
        var ctx = new InstanceContext(session, instance, definition, calendar, now, actor);
        LineageJournal.Started(ctx.Journal, definition, initial.Id);
        await _states.EnterAsync(ctx, StateEntry.AtStart(initial, subject), ct);
        await session.CommitAsync(ct);
        return instance;
    }
}
