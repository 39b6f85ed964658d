namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>
/// Completes a task and, in the same unit of work, raises the event it stands for (with its outcome as the event's
/// measure) and creates the next occurrence of a repeating task that did not move the instance on.
/// </summary>
internal sealed class CompleteTaskHandler(EngineServices services, UnitOfWork work, EventApplier events)
{
    public Task<TaskCompletion> CompleteAsync(TaskCompletionRequest request, CancellationToken ct) =>
        work.RunAsync(session => CompleteAsync(session, request, ct), ct);

    private async Task<TaskCompletion> CompleteAsync(IWorkflowSession session, TaskCompletionRequest request, CancellationToken ct)
    {
        var task = await session.FindTaskAsync(request.TaskId, ct) ?? throw new TaskNotFoundException(request.TaskId);
        if (task.Status != WorkTaskStatus.Open) throw new TaskNotOpenException(task.Id, task.Status);
        var instance = await session.FindInstanceAsync(task.InstanceId, ct) ?? throw new InstanceNotFoundException(task.InstanceId);
        var definition = await services.DefinitionOfAsync(instance, ct);
        var ctx = new InstanceContext(session, instance, definition, services.Calendars.ForBorough(instance.BoroughId),
            services.Now(), request.Actor);

        task.Status = WorkTaskStatus.Completed;
        task.CompletedAt = ctx.Now;
        task.CompletedBy = request.Actor;
        task.Outcome = request.Outcome;
        task.Notes = request.Notes;
        task.Revision++;
        var data = TaskEventData.Of(definition.Definition, task, TaskEventData.TemplateOf(definition, task));
        if (task.Raises is { Length: > 0 } raises)
        {
            var problems = EventDataValidator.Check(definition.Definition, raises, data, UkTime.DateOfUtc(instance.StartedAt), ctx.Today);
            if (problems.Count > 0) throw new EventDataException(raises, problems);
        }
        TaskJournal.Completed(ctx.Journal, instance.State, task, request.Form);
        if (task.EscalatedAt is not null && task.Kind != WorkTask.EscalationKind) await CloseEscalationsAsync(ctx, task, ct);

        EventOutcome? result = null;
        if (task.Raises is { Length: > 0 } eventName && StillIn(instance, task))
            result = await events.ApplyAsync(session, instance, new WorkflowEvent(eventName, data, request.Actor), ct);
        else
            instance.Touch(ctx.Now);
        // The next occurrence belongs to the state: only if the completion did not move the instance on.
        if (task.RepeatsAt is { } point && StillIn(instance, task)) AddNext(ctx, task, point);
        return new TaskCompletion(task, result);
    }

    // The late task is done, so whoever it was escalated to has nothing left to chase: their escalation leaves the inbox with
    // it, closed as done (before the task's event may move the instance on, which would cancel it as unfinished).
    private static async Task CloseEscalationsAsync(InstanceContext ctx, WorkTask task, CancellationToken ct)
    {
        foreach (var escalation in await ctx.Session.OpenTasksAsync(task.InstanceId, ct))
        {
            if (escalation.EscalationOf != task.Id || escalation.Status != WorkTaskStatus.Open) continue;
            escalation.Status = WorkTaskStatus.Completed;
            escalation.CompletedAt = ctx.Now;
            escalation.CompletedBy = ctx.Actor;
            escalation.Outcome = WorkTask.EscalationResolved;
            escalation.Revision++;
            TaskJournal.EscalationResolved(ctx.Journal, ctx.Instance.State, escalation, task);
        }
    }

    private static bool StillIn(WorkflowInstance instance, WorkTask task) =>
        instance.Status == InstanceStatus.Active && instance.State == task.State;

    private static void AddNext(InstanceContext ctx, WorkTask task, string point)
    {
        var template = ctx.Definition.State(task.State).Tasks.FirstOrDefault(t => t.Id == task.DefinitionTaskId);
        var next = WorkTaskFactory.Next(ctx, task, template, ctx.Calendar.NextPoint(point, task.DueOn));
        ctx.Session.Add(next);
        TaskJournal.NextCreated(ctx.Journal, ctx.Instance.State, next);
    }
}
