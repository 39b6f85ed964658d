using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Send.Access;

namespace SendWorkflow.Send.Audit;

/// <summary>
/// Records every look at and change to a pupil's record, and every refused attempt, in the Audit table. Entries
/// queue in memory and are written in batches every fraction of a second, so a read costs no write of its own;
/// a search flushes the queue first.
/// </summary>
public sealed class AuditLog(IDbContextFactory<SendWorkflowDbContext> factory, TimeProvider time, ILogger<AuditLog> logger)
    : BackgroundService
{
    private readonly Channel<AuditEntryRecord> _queue =
        Channel.CreateUnbounded<AuditEntryRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>A page's look at or change to a record, audited as the API audits its own.</summary>
    public void Audit(ClaimsPrincipal user, string path, string action, string resource, string? resourceId,
        string? pupilId, string? schoolId, int status = 200, string method = "GET") =>
        Record(user, method, path, null, action, resource, resourceId, pupilId, schoolId, status);

    /// <summary>For a Studio page, where there is a signed-in user but no request of its own.</summary>
    public void Record(ClaimsPrincipal user, string method, string path, string? remoteAddress,
        string action, string resource, string? resourceId, string? pupilId, string? schoolId, int status)
    {
        _queue.Writer.TryWrite(new AuditEntryRecord
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.FindFirstValue("name") ?? user.Identity?.Name,
            Role = StaffRoles.All.FirstOrDefault(user.IsInRole),
            Action = action,
            Resource = resource,
            ResourceId = resourceId,
            PupilId = pupilId,
            SchoolId = schoolId ?? user.FindFirstValue(StaffClaims.School),
            Method = method,
            Path = path,
            Status = status,
            RemoteAddress = remoteAddress,
        });
    }

    /// <summary>Writes what is queued, up to a batch; returns how many it wrote.</summary>
    public async Task<int> FlushBatchAsync(CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            var batch = new List<AuditEntryRecord>();
            while (batch.Count < 5000 && _queue.Reader.TryRead(out var entry)) batch.Add(entry);
            if (batch.Count == 0) return 0;
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                db.Audit.AddRange(batch);
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                foreach (var entry in batch) _queue.Writer.TryWrite(entry);
                throw;
            }
            return batch.Count;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Writes everything queued so far.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        while (await FlushBatchAsync(ct) > 0)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Real time on purpose: batching is about the machine, and the simulated clock never moves by itself.
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, stoppingToken);
                await FlushQuietlyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await FlushQuietlyAsync(CancellationToken.None);
    }

    private async Task FlushQuietlyAsync(CancellationToken ct)
    {
        try
        {
            await FlushAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Audit entries could not be written; they stay queued");
        }
    }
}
