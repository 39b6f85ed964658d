using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Api;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Host.Security;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Workspace;

/// <summary>The pupil record page's work: the record and the provision map, scoped and audited exactly as the API is.</summary>
public sealed class PupilDesk(IDbContextFactory<SendWorkflowDbContext> factory, PupilRecords records, AuditLog audit, TimeProvider time)
{
    private static readonly string[] ProvisionEditors = [StaffRoles.Senco, StaffRoles.ClassTeacher, StaffRoles.Headteacher, StaffRoles.Administrator];

    /// <summary>The record, or null when the pupil is outside the user's scope (answered as if there were no such pupil).</summary>
    public async Task<PupilRecordView?> RecordAsync(ClaimsPrincipal user, string pupilId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await AccessPolicy.PupilsFor(user, db).AsNoTracking().FirstOrDefaultAsync(p => p.Id == pupilId, ct);
        var path = $"/pupils/{pupilId}";
        if (pupil is null)
        {
            audit.Audit(user, path, AuditActions.Denied, "pupil", pupilId, pupilId, null, 404);
            return null;
        }
        audit.Audit(user, path, AuditActions.Read, "pupil-record", pupilId, pupilId, pupil.SchoolId);
        return await records.GetAsync(pupil, statutoryOnly: AccessPolicy.Is(user, StaffRoles.LaOfficer), ct);
    }

    public static bool MayChangeProvisions(ClaimsPrincipal user) => AccessPolicy.Is(user, ProvisionEditors);

    /// <summary>Adds a provision; answers every problem, or none when it was added.</summary>
    public async Task<IReadOnlyList<Problem>> AddProvisionAsync(ClaimsPrincipal user, string pupilId, ProvisionRequest body, CancellationToken ct)
    {
        if (Problems(PupilRecordApi.Check(body, creating: true)) is { Count: > 0 } problems) return problems;
        await using var db = await factory.CreateDbContextAsync(ct);
        var pupil = await AllowedAsync(db, user, pupilId, ct);
        if (pupil is null) return [new Problem("You may not change this pupil's provision map.")];
        var row = PupilRecordApi.NewProvision(pupil, body, AccessPolicy.Actor(user), time.GetUtcNow());
        db.Provisions.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Audit(user, $"/pupils/{pupilId}", AuditActions.Change, "provision", row.Id.ToString(), pupil.Id, pupil.SchoolId, 201, "POST");
        return [];
    }

    /// <summary>Records the impact at review (and, if given, the day the provision ended).</summary>
    public async Task<IReadOnlyList<Problem>> RecordImpactAsync(ClaimsPrincipal user, Guid provisionId, string? impact, DateOnly? endsOn, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Provisions.FirstOrDefaultAsync(p => p.Id == provisionId, ct);
        var pupil = row is null ? null : await AllowedAsync(db, user, row.PupilId, ct);
        if (row is null || pupil is null) return [new Problem("There is no such provision.")];
        var body = new ProvisionRequest(null, null, null, null, endsOn, null, impact?.Trim() is { Length: > 0 } text ? text : null);
        if (body.Impact is null) return [new Problem("Write the impact before recording it.", "impact")];
        if (Problems(PupilRecordApi.Check(body with { StartsOn = row.StartsOn }, creating: false)) is { Count: > 0 } problems) return problems;
        PupilRecordApi.Apply(row, body, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        audit.Audit(user, $"/pupils/{pupil.Id}", AuditActions.Change, "provision", provisionId.ToString(), pupil.Id, pupil.SchoolId, 200, "PUT");
        return [];
    }

    /// <summary>The pupil, when the user may see them and change provision maps; refusals are audited.</summary>
    private async Task<Pupil?> AllowedAsync(SendWorkflowDbContext db, ClaimsPrincipal user, string pupilId, CancellationToken ct)
    {
        var pupil = MayChangeProvisions(user)
            ? await AccessPolicy.PupilsFor(user, db).AsNoTracking().FirstOrDefaultAsync(p => p.Id == pupilId, ct)
            : null;
        if (pupil is null) audit.Audit(user, $"/pupils/{pupilId}", AuditActions.Denied, "provision", null, pupilId, null, 403, "POST");
        return pupil;
    }

    private static IReadOnlyList<Problem> Problems(ProblemCollector collector)
    {
        try
        {
            collector.ThrowIfAny();
            return [];
        }
        catch (RequestValidationException e)
        {
            return e.Problems;
        }
    }
}
