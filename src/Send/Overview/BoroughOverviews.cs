using SendWorkflow.Send.AnnualReviews;
using SendWorkflow.Send.Funding;
using SendWorkflow.Send.Programmes;
using SendWorkflow.Send.SelfReviews;
using SendWorkflow.Send.SenAudits;
using SendWorkflow.Send.Statutory;

namespace SendWorkflow.Send.Overview;

/// <summary>
/// The LA officer's landing page (issue 14, point 5): the borough's schools with their self-review levels, audits due and
/// done, annual reviews due and late, and funding against spending, read through each area's own summary (each of which
/// checks and audits its read; the overview's own look is audited once more). The borough's LA officer, or an administrator.
/// </summary>
public sealed class BoroughOverviews(
    IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, BoroughViews assessments, BoroughSelfReviews selfReviews,
    SenAuditViews audits, AnnualReviewMonitor annualReviews, SenFunding funding, SelfReviewSource selfReview, TimeProvider time)
{
    public async Task<BoroughOverviewDto> GetAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        List<School> schools;
        Borough borough;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            borough = await db.Boroughs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == boroughId, ct)
                ?? throw new NotFoundException($"There is no borough '{boroughId}'.");
            schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId).OrderBy(s => s.Name).ToListAsync(ct);
        }
        await guard.AuditAsync(caller, AuditActions.Read, "borough-overview", boroughId, null, null);

        var today = UkTime.DateOf(time.GetUtcNow());
        var year = AcademicYear.Of(today);
        var open = await assessments.OpenAssessmentsAsync(caller, boroughId, ct);
        var levels = (await selfReviews.SummaryAsync(boroughId, year, ct)).ToDictionary(s => s.SchoolId);
        var auditRows = (await audits.SummariesAsync(caller, boroughId, ct)).ToDictionary(s => s.SchoolId);
        var reviews = (await annualReviews.SummaryAsync(caller, boroughId, ct)).ToDictionary(s => s.SchoolId);
        var money = await funding.SummaryAsync(caller, boroughId, ct);
        var fundingRows = money.Schools.ToDictionary(s => s.SchoolId);

        var rows = schools.Select(school =>
        {
            var dims = levels.TryGetValue(school.Id, out var l) ? l.Dimensions : [];
            var (now, before) = (Mean(dims.Select(d => d.ThisYear)), Mean(dims.Select(d => d.LastYear)));
            var audit = auditRows.GetValueOrDefault(school.Id);
            var review = reviews.GetValueOrDefault(school.Id);
            var fund = fundingRows.GetValueOrDefault(school.Id);
            return new SchoolOverviewRow(school.Id, school.Name, school.Phase, now, before,
                now is { } n && before is { } b ? Math.Round(n - b, 1) : null, dims, open.Count(a => a.SchoolId == school.Id),
                audit?.LastAuditOn, audit?.NextDueOn ?? SenAuditViews.NextDue(school, null), audit?.Overdue ?? false, audit?.Status,
                review?.Plans ?? 0, review?.Due ?? 0, review?.Late ?? 0, fund?.Allocation, fund?.Planned, fund?.Spent, fund?.Balance,
                fund?.Status ?? "no allocation");
        }).ToList();
        var headlines = new OverviewHeadlines(rows.Count, open.Count, open.Count(a => a.LimitsPassed.Count > 0),
            rows.Sum(r => r.AnnualReviewsDue), rows.Sum(r => r.AnnualReviewsLate), rows.Count(r => r.AuditOverdue),
            money.Totals.Allocation, money.Totals.Spent);
        var dimensions = selfReview.Review.Dimensions.Select(d => new OverviewDimension(d.Id, d.Number, d.Title)).ToList();
        return new BoroughOverviewDto(borough.Id, borough.Name, today, year.ToString(), money.FinancialYear, headlines, dimensions, rows);
    }

    /// <summary>The mean of the levels there are, to one decimal place; null when there is none.</summary>
    private static double? Mean(IEnumerable<double?> levels)
    {
        var present = levels.OfType<double>().ToList();
        return present.Count == 0 ? null : Math.Round(present.Average(), 1);
    }
}
