using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Api;
using SendWorkflow.Host.Persistence;

namespace SendWorkflow.Host.Security;

public sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string? UserId, string? UserName, string? Role, string Action, string Resource, string? ResourceId,
    string? PupilId, string? SchoolId, string Method, string Path, int Status, string? RemoteAddress);

/// <summary>Searching the audit log: a SENCo their school's entries, an administrator all.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", Search).WithTags("Audit");
        return api;
    }

    private static async Task<IResult> Search(string? pupilId, string? userId, string? action, DateTimeOffset? from, DateTimeOffset? to, int? take,
        StaffScope scope, AuditLog audit, SendWorkflowDbContext db, CancellationToken ct)
    {
        scope.RequireRole("search the audit log", StaffRoles.Senco, StaffRoles.Administrator);
        new ProblemCollector()
            .Check(take is null or (> 0 and <= 5000), "take", "'take' must be between 1 and 5000.")
            .Check(from is null || to is null || to >= from, "to", "The period ends before it starts.")
            .ThrowIfAny();
        await audit.FlushAsync(ct);
        var q = db.Audit.AsNoTracking();
        if (!scope.IsAdministrator)
        {
            // A SENCo sees what happened in their school: entries about its pupils and entries by its staff.
            var school = scope.SchoolId;
            q = q.Where(a => a.SchoolId == school || (a.PupilId != null && db.Pupils.Any(p => p.Id == a.PupilId && p.SchoolId == school)));
        }
        if (pupilId is not null) q = q.Where(a => a.PupilId == pupilId);
        if (userId is not null) q = q.Where(a => a.UserId == userId);
        if (action is not null) q = q.Where(a => a.Action == action);
        if (from is not null) q = q.Where(a => a.At >= from.Value.UtcDateTime);
        if (to is not null) q = q.Where(a => a.At <= to.Value.UtcDateTime);
        var rows = await q.OrderByDescending(a => a.Id).Take(take ?? 500).ToListAsync(ct);
        scope.Audit(AuditActions.Read, "audit", null, pupilId, null);
        return TypedResults.Ok(rows.Select(a => new AuditEntryDto(a.Id, new DateTimeOffset(a.At, TimeSpan.Zero), a.UserId, a.UserName, a.Role,
            a.Action, a.Resource, a.ResourceId, a.PupilId, a.SchoolId, a.Method, a.Path, a.Status, a.RemoteAddress)));
    }
}
