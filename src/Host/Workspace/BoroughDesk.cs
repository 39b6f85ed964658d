using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Host.Security;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Statutory;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Workspace;

/// <summary>The LA officer's home: their borough's open assessments and this academic year's compliance figures.</summary>
public sealed class BoroughDesk(IDbContextFactory<SendWorkflowDbContext> factory, ComplianceReports reports, AuditLog audit, TimeProvider time)
{
    /// <summary>The officer's own borough; an administrator the one asked for, else the first.</summary>
    public async Task<Borough?> BoroughAsync(ClaimsPrincipal user, string? requested, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var boroughs = db.Boroughs.AsNoTracking();
        if (AccessPolicy.Is(user, StaffRoles.Administrator))
            return await boroughs.Where(b => requested == null || b.Id == requested).OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        return AccessPolicy.Is(user, StaffRoles.LaOfficer)
            ? await boroughs.FirstOrDefaultAsync(b => b.Id == user.FindFirstValue(StaffClaims.Borough), ct)
            : null;
    }

    public async Task<IReadOnlyList<OpenAssessmentDto>> OpenAssessmentsAsync(ClaimsPrincipal user, string boroughId, CancellationToken ct)
    {
        audit.Audit(user, "/la/assessments", AuditActions.Read, "open-assessments", boroughId, null, null);
        return await reports.OpenAssessmentsAsync(boroughId, ct);
    }

    /// <summary>The academic year so far: 1 September to 31 August.</summary>
    public (DateOnly From, DateOnly To) AcademicYear()
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        var from = new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1);
        return (from, from.AddYears(1).AddDays(-1));
    }

    public async Task<BoroughComplianceDto> ComplianceAsync(string boroughId, CancellationToken ct)
    {
        var (from, to) = AcademicYear();
        return (await reports.ComplianceAsync(boroughId, from, to, ct))[0];
    }
}
