using SendWorkflow.Send.Documents;

namespace SendWorkflow.Send.Funding;

/// <summary>The borough's funding report as a document: allocation against plan and spending per school, and the totals.</summary>
internal static class FundingPdf
{
    public static SchoolDocument For(BoroughFundingDto r, DateOnly dated)
    {
        var t = r.Totals;
        var doc = new SchoolDocument(r.BoroughName, $"SEN funding {r.FinancialYear}: allocation against spending", dated)
            .Paragraph($"The financial year {r.FinancialYear} runs from {UkTime.Format(r.From)} to {UkTime.Format(r.To)}. Each school's "
                + "initial allocation (its notional SEN budget and top-up funding for its EHC plans) is set against the budget plan and "
                + "the outturn the school sent. The balance is the allocation less the outturn: a negative balance is an overspend.")
            .Paragraph($"{t.Allocated} of {t.Schools} schools have an allocation, {t.PlansSent} have sent a plan and {t.OutturnsSent} an outturn.");
        doc.Heading("Allocation against spending, by school")
            .Table(["School", "Allocation", "Planned", "Spent", "Balance"],
                [
                    .. r.Schools.Select(s =>
                        (IReadOnlyList<string>)[s.SchoolName, Text(s.Allocation), Text(s.Planned), Text(s.Spent), Text(s.Balance)]),
                    ["Total", Text(t.Allocation), Text(t.Planned), Text(t.Spent), Text(t.Balance)],
                ]);
        doc.Heading("The allocations")
            .Table(["School", "Notional SEN budget", "Top-up", "EHC plans"],
                r.Schools.Select(s => (IReadOnlyList<string>)[s.SchoolName, Text(s.NotionalSenBudget), Text(s.TopUp),
                    s.Plans is { } plans ? plans.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"]));
        doc.Heading("Where each school is")
            .Table(["School", "Status"], r.Schools.Select(s => (IReadOnlyList<string>)[s.SchoolName, s.Status]));
        return doc;
    }

    private static string Text(decimal? pounds) => pounds is { } p ? Money.Format(Money.ToPence(p)) : "-";
}
