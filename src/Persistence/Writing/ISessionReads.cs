namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// What a unit of work (<see cref="WorkflowSession"/>) reads from the database, rows as they are stored: through EF Core
/// (<see cref="EfSessionReads"/>), or on SQLite through prepared statements (<see cref="Sqlite.SqliteSessionReads"/>).
/// </summary>
internal interface ISessionReads : IAsyncDisposable
{
    Task<WorkflowInstance?> InstanceAsync(Guid id, CancellationToken ct);
    Task<SubjectPlacement?> PupilAsync(string pupilId, CancellationToken ct);
    Task<SubjectPlacement?> SchoolAsync(string schoolId, CancellationToken ct);
    Task<Guid?> ActiveInstanceAsync(string subjectId, string definitionId, CancellationToken ct);
    Task<WorkTask?> TaskAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<WorkTask>> TasksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
    Task<WorkflowTimer?> TimerAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct);
    Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct);
    Task<bool> HasTaskAsync(Guid instanceId, string definitionTaskId, CancellationToken ct);
    Task<DateOnly?> LatestMilestoneAsync(Guid instanceId, string name, CancellationToken ct);
    /// <summary>The unit of work has read all it needs: a snapshot it holds is let go before its changes are written.</summary>
    void End();
}

/// <summary>Where a store's units of work get their reads.</summary>
internal interface ISessionReadSource
{
    Task<ISessionReads> OpenAsync(CancellationToken ct);
}
