namespace SendWorkflow.Persistence.Writing;

/// <summary>
/// The unit of work's compiled queries, one set per store: a compiled query keeps the model it first ran with, and tests
/// run hosts on both databases in one process.
/// </summary>
internal sealed class SessionQueries
{
    public readonly Func<SendWorkflowDbContext, Guid, CancellationToken, Task<WorkflowInstance?>> InstanceById =
        EF.CompileAsyncQuery((SendWorkflowDbContext c, Guid id, CancellationToken _) => c.Instances.AsNoTracking().FirstOrDefault(i => i.Id == id));

    public readonly Func<SendWorkflowDbContext, string, CancellationToken, Task<SubjectPlacement?>> PupilById =
        EF.CompileAsyncQuery((SendWorkflowDbContext c, string id, CancellationToken _) =>
            (from p in c.Pupils
             join s in c.Schools on p.SchoolId equals s.Id
             where p.Id == id
             select new SubjectPlacement(p.Id, s.Id, s.BoroughId, p.YearGroup, p.LookedAfter)
             {
                 Transfer = SchoolPhases.TransferOf(s.Phase, p.YearGroup),
             }).FirstOrDefault());

    public readonly Func<SendWorkflowDbContext, string, CancellationToken, Task<SubjectPlacement?>> SchoolById =
        EF.CompileAsyncQuery((SendWorkflowDbContext c, string id, CancellationToken _) =>
            c.Schools.Where(s => s.Id == id)
                .Select(s => new SubjectPlacement(SchoolSubject.Prefix + s.Id, s.Id, s.BoroughId, 0, false)).FirstOrDefault());

    public readonly Func<SendWorkflowDbContext, Guid, CancellationToken, Task<WorkTask?>> TaskById =
        EF.CompileAsyncQuery((SendWorkflowDbContext c, Guid id, CancellationToken _) => c.Tasks.AsNoTracking().FirstOrDefault(t => t.Id == id));

    public readonly Func<SendWorkflowDbContext, Guid, CancellationToken, Task<WorkflowTimer?>> TimerById =
        EF.CompileAsyncQuery((SendWorkflowDbContext c, Guid id, CancellationToken _) => c.Timers.AsNoTracking().FirstOrDefault(t => t.Id == id));

    public readonly Func<SendWorkflowDbContext, Guid, IAsyncEnumerable<WorkTask>> OpenTasks =
        EF.CompileAsyncQuery((SendWorkflowDbContext c, Guid id) => c.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == id && t.Status == WorkTaskStatus.Open));

    public readonly Func<SendWorkflowDbContext, Guid, IAsyncEnumerable<WorkflowTimer>> PendingTimers =
        EF.CompileAsyncQuery((SendWorkflowDbContext c, Guid id) => c.Timers.AsNoTracking()
            .Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending));
}
