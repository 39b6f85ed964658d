using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Workflows.Runtime.Migration;

namespace SendWorkflow.Send.Migrations;

/// <summary>
/// Applies a move in the background, batch by batch: each pupil in their own unit of work of the engine (with its audit row),
/// each batch's statuses saved after it, so an interrupted move resumes with the pupils still pending. A pupil whose move
/// committed but whose status was not saved yet is recognised by the journal line that carries the move's id, and is not
/// moved twice.
/// </summary>
public sealed class MigrationRunner(
    IDbContextFactory<SendWorkflowDbContext> factory, WorkflowEngine engine, AuditLog audit, MigrationRunOptions options,
    TimeProvider time, ILogger<MigrationRunner> logger)
{
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    /// <summary>Runs the move unless it is running already; returns at once.</summary>
    public void Start(Guid migrationId, ClaimsPrincipal user, AuditRequest request) =>
        _running.GetOrAdd(migrationId, id => Task.Run(async () =>
        {
            try
            {
                await RunAsync(id, (user, request), CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Migration {MigrationId} stopped; it resumes on the next start or resume call", id);
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        }));

    /// <summary>Whether the move is being applied by this service now.</summary>
    public bool IsRunning(Guid migrationId) => _running.ContainsKey(migrationId);

    /// <summary>Waits for the move to stop (finished or interrupted), for callers that need its end.</summary>
    public Task WaitAsync(Guid migrationId) => _running.TryGetValue(migrationId, out var task) ? task : Task.CompletedTask;

    /// <summary>At start-up: every move left running by a stopped service goes on, as the member of staff who started it.</summary>
    public async Task ResumeAllAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var running = await db.PupilMigrations.AsNoTracking().Where(m => m.Status == MigrationStatus.Running).ToListAsync(ct);
        foreach (var m in running)
        {
            var user = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, m.CreatedById ?? ""), new Claim("name", m.CreatedBy)], "migration"));
            logger.LogInformation("Resuming migration {MigrationId} of {DefinitionId}", m.Id, m.DefinitionId);
            Start(m.Id, user, new AuditRequest("POST", $"/api/definitions/{m.DefinitionId}/migrations/{m.Id}/resume", null));
        }
    }

    private async Task RunAsync(Guid id, (ClaimsPrincipal User, AuditRequest Request) by, CancellationToken ct)
    {
        MigrationVersions versions;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var m = await db.PupilMigrations.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            if (m.Status != MigrationStatus.Running) return;
            versions = new MigrationVersions(m.DefinitionId, m.FromVersion, m.ToVersion,
                JsonSerializer.Deserialize<Dictionary<string, string>>(m.StateMap) ?? []);
        }
        var actor = AccessPolicy.Actor(by.User);
        for (var batches = 1; ; batches++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var batch = await db.PupilMigrationItems.Where(i => i.MigrationId == id && i.Status == MigrationStatus.Pending)
                .OrderBy(i => i.Position).Take(options.BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                var m = await db.PupilMigrations.FirstAsync(x => x.Id == id, ct);
                m.Status = MigrationStatus.Done;
                m.FinishedAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Migration {MigrationId} finished", id);
                return;
            }
            foreach (var item in batch) await MoveAsync(db, item, (versions, actor, by), ct);
            await db.SaveChangesAsync(ct);
            if (options.StopAfterBatches is { } stop && batches >= stop) return;
        }
    }

    private async Task MoveAsync(SendWorkflowDbContext db, PupilMigrationItem item,
        (MigrationVersions Versions, string Actor, (ClaimsPrincipal User, AuditRequest Request) By) run, CancellationToken ct)
    {
        var reference = item.MigrationId.ToString();
        item.DoneAt = time.GetUtcNow().UtcDateTime;
        // Moved before an interruption, its status not saved yet: the journal line of this move says so.
        var done = await db.Journal.AsNoTracking().Where(j => j.InstanceId == item.InstanceId && j.Kind == JournalKinds.Migrated
            && j.Data != null && j.Data.Contains(reference)).Select(j => j.State).FirstOrDefaultAsync(ct);
        if (done is not null)
        {
            (item.Status, item.StateAfter) = (MigrationStatus.Moved, done);
            return;
        }
        var subject = new AuditSubject("instance", item.InstanceId.ToString(), SchoolSubject.Is(item.SubjectId) ? null : item.SubjectId,
            item.SchoolId);
        try
        {
            MigrationOutcome outcome;
            using (AuditScope.Attach(audit.Entry(run.By.User, run.By.Request, AuditActions.Change, subject, 200)))
            {
                outcome = await engine.MigrateAsync(new InstanceMigration(item.InstanceId, run.Versions, item.ExpectedState, run.Actor, false)
                {
                    Reference = reference,
                }, ct);
            }
            item.Status = outcome.Result == MigrationResult.Moved ? MigrationStatus.Moved : MigrationStatus.Skipped;
            (item.StateAfter, item.Reason) = (outcome.Result == MigrationResult.Moved ? outcome.StateAfter : null, outcome.SkipReason);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // No pupil data in the log: the instance id and the kind of failure only.
            logger.LogWarning("Migration {MigrationId}: instance {InstanceId} could not be moved ({Error})", item.MigrationId, item.InstanceId,
                ex.GetType().Name);
            (item.Status, item.Reason) = (MigrationStatus.Failed, $"it could not be moved ({ex.GetType().Name}); nothing of it changed");
        }
    }
}
