using System.Security.Claims;

namespace SendWorkflow.Send.Audit;

/// <summary>
/// Records every look at and change to a pupil's record, and every refused attempt, in the Audit table, durably: a
/// look is written before its answer goes back (committed with whatever else the single writer has queued meanwhile,
/// so many looks share one commit), and a change's entry commits in the same transaction as the change itself
/// (<see cref="Entry"/> with <c>AuditScope</c> or the change's own database context). Nothing acknowledged goes
/// unrecorded, even if the process is killed.
/// </summary>
public sealed class AuditLog(IAuditWriter writer, TimeProvider time)
{
    /// <summary>A look, change or refusal: written before the task completes.</summary>
    public Task RecordAsync(AuditEntryRecord entry, CancellationToken ct = default) => writer.WriteAsync(entry, ct);

    /// <summary>The entry for what a signed-in user (or nobody, for refused credentials) did.</summary>
    public AuditEntryRecord Entry(ClaimsPrincipal user, AuditRequest request, string action, AuditSubject subject, int status) => new()
    {
        At = time.GetUtcNow().UtcDateTime,
        UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
        UserName = user.FindFirstValue("name") ?? user.Identity?.Name,
        Role = StaffRoles.All.FirstOrDefault(user.IsInRole),
        Action = action,
        Resource = subject.Resource,
        ResourceId = subject.ResourceId,
        PupilId = subject.PupilId,
        SchoolId = subject.SchoolId ?? user.FindFirstValue(StaffClaims.School),
        Method = request.Method,
        Path = request.Path,
        Status = status,
        RemoteAddress = request.Address,
    };
}

/// <summary>How the look or change came: the method, the path (an API request's, or a Studio page's) and the address.</summary>
public sealed record AuditRequest(string Method, string Path, string? Address);

/// <summary>What was looked at or changed: the resource, its id, and the pupil and school it is about.</summary>
public sealed record AuditSubject(string Resource, string? ResourceId, string? PupilId, string? SchoolId);
