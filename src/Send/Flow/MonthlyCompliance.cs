using System.Globalization;
using SendWorkflow.Send.Statutory;

namespace SendWorkflow.Send.Flow;

/// <summary>
/// The LA's chart of timeliness through the year: each month's share of decisions whether to assess within 6 weeks and of
/// new plans within 20 weeks, counted by the same compliance report as GET /api/compliance (one period per month).
/// </summary>
public sealed class MonthlyCompliance(ComplianceReports reports, AccessGuard guard, TimeProvider time)
{
    /// <summary>
    /// Month by month from <paramref name="from"/> (default: 1 September of this school year) to <paramref name="to"/> (default: today).
    /// </summary>
    public async Task<MonthlyComplianceDto> GetAsync(Caller caller, string boroughId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        var today = UkTime.DateOf(time.GetUtcNow());
        var problems = new ProblemCollector();
        var (start, end) = PathwayFlow.Period(problems, from, to, today);
        problems.ThrowIfAny();
        var months = new List<ComplianceMonth>();
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
        {
            var (a, b) = (month < start ? start : month, month.AddMonths(1).AddDays(-1) is var last && last > end ? end : last);
            var r = (await reports.ComplianceAsync(boroughId, a, b, ct))[0];
            months.Add(new ComplianceMonth(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), a, b,
                r.DecisionsToAssess.Total, r.DecisionsToAssess.WithinLimit, r.DecisionsToAssess.Percent,
                r.NewPlans.Total, r.NewPlans.WithinLimit, r.NewPlans.Percent, r.NewPlans.PercentExcludingExceptions));
        }
        return new MonthlyComplianceDto(boroughId, start, end, months);
    }
}
