using Microsoft.EntityFrameworkCore;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Host.Persistence;

/// <summary>
/// Reads run outside a transaction; CommitAsync writes every change in one SQLite transaction (BEGIN IMMEDIATE),
/// and the instance's concurrency stamp turns a stale read into a retry instead of a lost update.
/// </summary>
internal sealed class EfWorkflowSession(SendWorkflowDbContext db) : IWorkflowSession
{
    public Task<WorkflowInstance?> FindInstanceAsync(Guid id, CancellationToken ct) =>
        db.Instances.FirstOrDefaultAsync(i => i.Id == id, ct);

    public Task<PupilPlacement?> FindPupilAsync(string pupilId, CancellationToken ct) =>
        (from p in db.Pupils
         join s in db.Schools on p.SchoolId equals s.Id
         where p.Id == pupilId
         select new PupilPlacement(p.Id, s.Id, s.BoroughId, p.YearGroup)).FirstOrDefaultAsync(ct);

    public Task<WorkTask?> FindTaskAsync(Guid id, CancellationToken ct) =>
        db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct);

    public async Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId, CancellationToken ct) =>
        await db.Tasks.Where(t => t.InstanceId == instanceId && t.Status == WorkTaskStatus.Open).ToListAsync(ct);

    public async Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid instanceId, CancellationToken ct) =>
        await db.Timers.Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).ToListAsync(ct);

    public void Add(WorkflowInstance instance) => db.Instances.Add(instance);
    public void Add(JournalEntry entry) => db.Journal.Add(entry);
    public void Add(WorkTask task) => db.Tasks.Add(task);
    public void Add(WorkflowTimer timer) => db.Timers.Add(timer);

    public async Task CommitAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var instance = ex.Entries.Select(e => e.Entity).OfType<WorkflowInstance>().FirstOrDefault();
            throw new ConcurrencyConflictException(instance?.Id ?? Guid.Empty, ex);
        }
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
