using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Host.Security;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Workspace;

/// <summary>
/// The school views' work: the SENCo's and headteacher's register, overdue reviews and provision map, and the
/// governor's figures, for the user's own school (an administrator picks one), audited as the API's are.
/// </summary>
public sealed class SchoolDesk(IDbContextFactory<SendWorkflowDbContext> factory, AuditLog audit, TimeProvider time)
{
    private static readonly string[] Readers = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Administrator];
    private static readonly string[] FigureReaders = [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Governor, StaffRoles.Administrator];

    /// <summary>The school the user's pages show: their own, or for an administrator the one asked for (else the first).</summary>
    public async Task<SchoolChoice> SchoolAsync(ClaimsPrincipal user, string? requested, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await ResolveAsync(db, user, requested, FigureReaders, ct);
        return new SchoolChoice(school?.Id, school?.Name);
    }

    public async Task<SchoolFigures?> FiguresAsync(ClaimsPrincipal user, string? requested, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ResolveAsync(db, user, requested, FigureReaders, ct) is not { } school) return null;
        return await SchoolViews.FiguresAsync(db, school.Id, UkTime.DateOf(time.GetUtcNow()), ct);
    }

    public async Task<IReadOnlyList<SenRegisterRow>> RegisterAsync(ClaimsPrincipal user, string? requested, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ResolveAsync(db, user, requested, Readers, ct) is not { } school) return [];
        var rows = await SchoolViews.RegisterRowsAsync(db, school.Id, ct);
        audit.Audit(user, "/school/register", AuditActions.Read, "sen-register", school.Id, null, school.Id);
        return rows;
    }

    public async Task<IReadOnlyList<OverdueReviewRow>> OverdueAsync(ClaimsPrincipal user, string? requested, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ResolveAsync(db, user, requested, Readers, ct) is not { } school) return [];
        var rows = await SchoolViews.OverdueRowsAsync(db, school.Id, UkTime.DateOf(time.GetUtcNow()), ct);
        audit.Audit(user, "/school/overdue-reviews", AuditActions.Read, "overdue-reviews", school.Id, null, school.Id);
        return rows;
    }

    public async Task<IReadOnlyList<(ProvisionDto Provision, string Name, string? ClassName)>> ProvisionMapAsync(
        ClaimsPrincipal user, string? requested, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await ResolveAsync(db, user, requested, Readers, ct) is not { } school) return [];
        var rows = await SchoolViews.ProvisionMapRowsAsync(db, school.Id, ct);
        audit.Audit(user, "/school/provision-map", AuditActions.Read, "provision-map", school.Id, null, school.Id);
        return rows;
    }

    private async Task<School?> ResolveAsync(SendWorkflowDbContext db, ClaimsPrincipal user, string? requested, string[] roles, CancellationToken ct)
    {
        if (!AccessPolicy.Is(user, roles))
        {
            audit.Audit(user, "/school", AuditActions.Denied, "school", requested, null, null, 403);
            return null;
        }
        var schools = db.Schools.AsNoTracking();
        return AccessPolicy.Is(user, StaffRoles.Administrator)
            ? await schools.Where(s => requested == null || s.Id == requested).OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
            : await schools.FirstOrDefaultAsync(s => s.Id == user.FindFirstValue(StaffClaims.School), ct);
    }
}
