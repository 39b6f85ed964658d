namespace SendWorkflow.Persistence.Writing;

/// <summary>The timer dispatcher's and the deadline round's queries, the same on both databases.</summary>
internal sealed class TimerQueries(IDbContextFactory<SendWorkflowDbContext> factory) : ITimerQueries
{
    public async Task<IReadOnlyList<DueTimer>> DueTimersAsync(DateTime upTo, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= upTo)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(max)
            .Select(t => new DueTimer(t.Id, t.InstanceId, t.DueAt))
            .ToListAsync(ct);
    }

    public async Task<DateTime?> NextDueAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending)
            .OrderBy(t => t.DueAt).Select(t => (DateTime?)t.DueAt).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<DueTask>> TasksToWarnAsync(DateOnly today, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open && t.WarnOn != null && t.WarnOn <= today && t.WarnedAt == null && t.DueOn >= today)
            .OrderBy(t => t.WarnOn).Select(t => new DueTask(t.Id, t.InstanceId)).Take(max).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<DueTask>> OverdueTasksAsync(DateOnly today, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open && t.DueOn < today && t.EscalatedAt == null)
            .OrderBy(t => t.DueOn).Select(t => new DueTask(t.Id, t.InstanceId)).Take(max).ToListAsync(ct);
    }
}
