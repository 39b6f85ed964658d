namespace SendWorkflow.Send.Statutory;

/// <summary>
/// What an LA officer watches of their borough: its open assessments and this academic year's timeliness. The API and
/// the officer's landing page both come here; another borough is answered as if it did not exist.
/// </summary>
public sealed class BoroughViews(IDbContextFactory<SendWorkflowDbContext> factory, ComplianceReports reports, AccessGuard guard,
    TimeProvider time)
{
    /// <summary>The borough a page shows: the officer's own; for an administrator the one asked for, else the first.</summary>
    public async Task<Borough?> BoroughForAsync(Caller caller, string? requested, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var boroughs = db.Boroughs.AsNoTracking();
        if (caller.IsAdministrator)
            return await boroughs.Where(b => requested == null || b.Id == requested).OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        return caller.Role == StaffRoles.LaOfficer ? await boroughs.FirstOrDefaultAsync(b => b.Id == caller.BoroughId, ct) : null;
    }

    public async Task<IReadOnlyList<OpenAssessmentDto>> OpenAssessmentsAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        await guard.AuditAsync(caller, AuditActions.Read, "open-assessments", boroughId, null, null);
        return await reports.OpenAssessmentsAsync(boroughId, ct);
    }

    /// <summary>The academic year of today: 1 September to 31 August.</summary>
    public (DateOnly From, DateOnly To) AcademicYear()
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        var from = new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1);
        return (from, from.AddYears(1).AddDays(-1));
    }

    /// <summary>Timeliness this academic year so far.</summary>
    public async Task<BoroughComplianceDto> ThisYearAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        var (from, to) = AcademicYear();
        return (await reports.ComplianceAsync(boroughId, from, to, ct))[0];
    }
}
