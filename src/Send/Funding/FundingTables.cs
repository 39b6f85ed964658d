using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Funding;

/// <summary>The borough's funding report as a table to download (CSV), a row per school and a last row of totals.</summary>
public static class FundingTables
{
    public static SheetTable Borough(BoroughFundingDto report) => new($"SEN funding {report.FinancialYear}",
        [
            new("school_id", "School ID"), new("school", "School"), new("notional_sen_budget", "Notional SEN budget"), new("top_up", "Top-up"),
            new("ehc_plans", "EHC plans"), new("allocation", "Allocation"), new("planned", "Planned"), new("spent", "Spent"),
            new("balance", "Balance"), new("status", "Status"),
        ],
        [
            .. report.Schools.Select(r => (IReadOnlyList<object?>)[r.SchoolId, r.SchoolName, r.NotionalSenBudget, r.TopUp, r.Plans, r.Allocation,
                r.Planned, r.Spent, r.Balance, r.Status]),
            [
                "total", $"{report.Totals.Schools} schools", null, null, null, report.Totals.Allocation, report.Totals.Planned, report.Totals.Spent,
                report.Totals.Balance, $"{report.Totals.OutturnsSent} outturns of {report.Totals.Schools}",
            ],
        ]);
}
