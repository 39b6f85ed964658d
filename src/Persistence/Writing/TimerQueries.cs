namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// The timer dispatcher's and the deadline round's queries, the same on both databases. Each names the status it reads
/// as a constant, so the database can use the partial index that holds only that status (TaskConfiguration,
/// TimerConfiguration); QueryPlanTests checks that SQLite does.
/// </summary>
internal sealed class TimerQueries(IDbContextFactory<SendWorkflowDbContext> factory) : ITimerQueries
{
    public async Task<IReadOnlyList<DueTimer>> DueTimersAsync(DateTime upTo, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await DueTimers(db, upTo, max).ToListAsync(ct);
    }

    public async Task<DateTime?> NextDueAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await NextDue(db).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<DueTask>> TasksToWarnAsync(DateOnly today, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await TasksToWarn(db, today, max).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<DueTask>> OverdueTasksAsync(DateOnly today, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await OverdueTasks(db, today, max).ToListAsync(ct);
    }

    internal static IQueryable<DueTimer> DueTimers(SendWorkflowDbContext db, DateTime upTo, int max) =>
        db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= upTo)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(max)
            .Select(t => new DueTimer(t.Id, t.InstanceId, t.DueAt));

    internal static IQueryable<DateTime?> NextDue(SendWorkflowDbContext db) =>
        db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).Select(t => (DateTime?)t.DueAt);

    internal static IQueryable<DueTask> TasksToWarn(SendWorkflowDbContext db, DateOnly today, int max) =>
        db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open && t.WarnOn != null && t.WarnOn <= today && t.WarnedAt == null && t.DueOn >= today)
            .OrderBy(t => t.WarnOn).Select(t => new DueTask(t.Id, t.InstanceId)).Take(max);

    internal static IQueryable<DueTask> OverdueTasks(SendWorkflowDbContext db, DateOnly today, int max) =>
        db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open && t.DueOn < today && t.EscalatedAt == null)
            .OrderBy(t => t.DueOn).Select(t => new DueTask(t.Id, t.InstanceId)).Take(max);
}
