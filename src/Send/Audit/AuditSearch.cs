namespace SendWorkflow.Send.Audit;

public sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string? UserId, string? UserName, string? Role, string Action, string Resource, string? ResourceId,
    string? PupilId, string? SchoolId, string Method, string Path, int Status, string? RemoteAddress);

/// <summary>What the audit log shows a searcher: a SENCo their school's entries, an administrator all. Shared by the API and the page.</summary>
public static class AuditSearch
{
    /// <param name="schoolId">The SENCo's school; null for an administrator.</param>
    public static async Task<List<AuditEntryDto>> FindAsync(SendWorkflowDbContext db, string? schoolId, string? pupilId, string? userId,
        string? action, DateTimeOffset? from, DateTimeOffset? to, int take, CancellationToken ct)
    {
        var q = db.Audit.AsNoTracking();
        if (schoolId is not null)
        {
            // Entries about the school's pupils, and entries by its staff.
            q = q.Where(a => a.SchoolId == schoolId || (a.PupilId != null && db.Pupils.Any(p => p.Id == a.PupilId && p.SchoolId == schoolId)));
        }
        if (pupilId is not null) q = q.Where(a => a.PupilId == pupilId);
        if (userId is not null) q = q.Where(a => a.UserId == userId || a.UserName == userId);
        if (action is not null) q = q.Where(a => a.Action == action);
        if (from is not null) q = q.Where(a => a.At >= from.Value.UtcDateTime);
        if (to is not null) q = q.Where(a => a.At <= to.Value.UtcDateTime);
        var rows = await q.OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
        return rows.Select(a => new AuditEntryDto(a.Id, new DateTimeOffset(a.At, TimeSpan.Zero), a.UserId, a.UserName, a.Role,
            a.Action, a.Resource, a.ResourceId, a.PupilId, a.SchoolId, a.Method, a.Path, a.Status, a.RemoteAddress)).ToList();
    }
}
