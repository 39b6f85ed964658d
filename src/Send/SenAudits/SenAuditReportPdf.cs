using SendWorkflow.Send.Documents;

namespace SendWorkflow.Send.SenAudits;

/// <summary>
/// The audit's written report as a document: the day and the team, what was examined (the drawn pupils by stage, counted and
/// not named), the verbal feedback, the team's notes on provision and on the SEN budget, the findings and the suggested actions.
/// </summary>
internal static class SenAuditReportPdf
{
    public static SchoolDocument For(SenAuditDto a, string boroughName)
    {
        var day = a.AuditOn is { } on ? UkTime.Format(on) : "(no day)";
        var doc = new SchoolDocument(a.SchoolName, $"SEN audit report: {day}", a.ReportedOn ?? a.AuditOn ?? DateOnly.MinValue)
            .Paragraph($"{boroughName}'s audit of the school's SEN procedures, held on {day} by {a.Officer?.Name ?? "the LA officer"} "
                + $"and {a.VisitingSenco?.Name ?? "a visiting SENCo"}, SENCo of another school of the borough.");
        doc.Heading("What the team examined")
            .Paragraph("The files of pupils drawn by the service at random (seed " + a.Seed + "), the school's list of provision available at "
                + "each stage, and how the school's SEN budget is spent. No pupil is named in this report.")
            .Table(["Stage", "Files examined"], a.Sample.GroupBy(s => s.StageName).Select(g => (IReadOnlyList<string>)[g.Key, g.Count().ToString(
                System.Globalization.CultureInfo.InvariantCulture)]));
        foreach (var warning in a.SampleWarnings) doc.Paragraph(warning);
        doc.Heading("Verbal feedback at the end of the day").Paragraph(a.VerbalFeedback ?? "");
        doc.Heading("The list of provision at each stage").Paragraph(a.ProvisionNotes ?? "");
        doc.Heading("How the SEN budget is spent").Paragraph(a.BudgetNotes ?? "");
        doc.Heading("Findings").Paragraph(a.Findings ?? "");
        doc.Heading("Suggested actions");
        if (a.Actions.Count == 0)
        {
            doc.Paragraph("The team suggests no action.");
        }
        else
        {
            doc.Paragraph("These actions are in the school's SEN action plan.")
                .Table(["Area", "Action", "Owner", "Due"],
                    a.Actions.Select(x => (IReadOnlyList<string>)[x.Area, x.Action, x.Owner ?? "", x.DueOn is { } d ? UkTime.Format(d) : ""]));
        }
        doc.Heading("Follow-up")
            .Paragraph("The audit team returns to the school in the autumn term to follow up the outcomes of the action plan.");
        return doc;
    }
}
