namespace SendWorkflow.Workflows.Runtime.Handlers;

/// <summary>
/// Warns the roles of many open tasks that they fall due soon, each once, in one unit of work: a reminder changes no
/// state, so it needs no event of its own.
/// </summary>
internal sealed class WarnHandler(EngineServices services, UnitOfWork work)
{
    private const string Actor = "deadline";

    public Task<int> WarnManyAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct) =>
        work.RunAsync(async session =>
        {
            var now = services.Now();
            var warned = 0;
            foreach (var task in await session.FindTasksAsync(taskIds, ct))
            {
                if (task is not { Status: WorkTaskStatus.Open, WarnedAt: null }) continue;
                task.WarnedAt = now;
                task.Revision++;
                warned++;
                TaskJournal.Warned(new JournalScope(session, task.InstanceId, now, Actor), task);
            }
            return warned;
        }, ct);
}
