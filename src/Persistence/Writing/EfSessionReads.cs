namespace SendWorkflow.Persistence.Writing;

/// <summary>A unit of work's reads through EF Core (compiled, untracked queries) on a context of its own: PostgreSQL's.</summary>
internal sealed class EfSessionReads(SendWorkflowDbContext db, SessionQueries queries) : ISessionReads
{
    public Task<WorkflowInstance?> InstanceAsync(Guid id, CancellationToken ct) => queries.InstanceById(db, id, ct);

    public Task<SubjectPlacement?> PupilAsync(string pupilId, CancellationToken ct) => queries.PupilById(db, pupilId, ct);

    public Task<SubjectPlacement?> SchoolAsync(string schoolId, CancellationToken ct) => queries.SchoolById(db, schoolId, ct);

    public Task<Guid?> ActiveInstanceAsync(string subjectId, string definitionId, CancellationToken ct) =>
        db.Instances.AsNoTracking()
            .Where(i => i.SubjectId == subjectId && i.DefinitionId == definitionId && i.Status == InstanceStatus.Active)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);

    public Task<WorkTask?> TaskAsync(Guid id, CancellationToken ct) => queries.TaskById(db, id, ct);

    public async Task<IReadOnlyList<WorkTask>> TasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);

    public Task<WorkflowTimer?> TimerAsync(Guid id, CancellationToken ct) => queries.TimerById(db, id, ct);

    public async Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct) =>
        await queries.OpenTasks(db, instanceId).ToListAsync(ct);

    public async Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct) =>
        await queries.PendingTimers(db, instanceId).ToListAsync(ct);

    public Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct) =>
        db.Tasks.AsNoTracking().AnyAsync(t => t.InstanceId == instanceId && t.DefinitionTaskId == definitionTaskId, ct);

    public Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct) =>
        db.Milestones.AsNoTracking().Where(m => m.InstanceId == instanceId && m.Name == name).Select(m => (DateOnly?)m.On).MaxAsync(ct);

    /// <summary>Nothing held between reads: each query takes a pooled connection and gives it back.</summary>
    public void End()
    {
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}

/// <summary>Each unit of work's reads on a pooled EF Core context.</summary>
internal sealed class EfSessionReadSource(IDbContextFactory<SendWorkflowDbContext> factory) : ISessionReadSource
{
    private readonly SessionQueries _queries = new();

    public async Task<ISessionReads> OpenAsync(CancellationToken ct) => new EfSessionReads(await factory.CreateDbContextAsync(ct), _queries);
}
