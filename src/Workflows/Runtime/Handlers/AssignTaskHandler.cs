namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>
/// Assigns, claims or releases a task in one unit of work with its journal entry. The task's revision guards the write,
/// so an assignment racing a completion (or another claim) is retried on the fresh task: it then finds the task done
/// (<see cref="TaskNotOpenException"/>) or held by someone else (<see cref="TaskAssignmentChangedException"/>), and the
/// completion is never overwritten.
/// </summary>
internal sealed class AssignTaskHandler(EngineServices services, UnitOfWork work)
{
    public Task<WorkTask> AssignAsync(TaskAssignment request, CancellationToken ct) =>
        work.RunAsync(async session =>
        {
            var task = await session.FindTaskAsync(request.TaskId, ct) ?? throw new TaskNotFoundException(request.TaskId);
            if (task.Status != WorkTaskStatus.Open) throw new TaskNotOpenException(task.Id, task.Status);
            if (task.Assignee != request.Expected) throw new TaskAssignmentChangedException(task.Id);
            var unchanged = task.Assignee == request.To && (request.StartBy is null || request.StartBy == task.StartBy)
                && (request.Priority is null || request.Priority == task.Priority);
            if (unchanged) return task;
            var now = services.Now();
            var previous = task.Assignee;
            task.Assignee = request.To;
            task.AssignedAt = now;
            task.StartBy = request.StartBy ?? task.StartBy;
            task.Priority = request.Priority ?? task.Priority;
            task.Revision++;
            TaskJournal.Assigned(new JournalScope(session, task.InstanceId, now, request.Actor), task, request, previous);
            return task;
        }, ct);
}
