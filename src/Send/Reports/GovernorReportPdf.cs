using System.Globalization;
using SendWorkflow.Send.Documents;

namespace SendWorkflow.Send.Reports;

/// <summary>The governor's report as a document: the same sections and figures as on screen, and never a pupil's name.</summary>
internal static class GovernorReportPdf
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static SchoolDocument For(GovernorReportDto r, DateOnly dated)
    {
        var term = $"{En.TextInfo.ToTitleCase(r.Term)} term {r.AcademicYear}";
        var doc = new SchoolDocument(r.SchoolName, $"SEN governor's report: {term}", dated)
            .Paragraph($"The {r.Term} term runs from {UkTime.Format(r.From)} to {UkTime.Format(r.To)}. Figures are as of "
                + $"{UkTime.Format(r.AsOf)}. Counts only: no pupil is named in this report.");

        doc.Heading("Pupils by stage of the pathway")
            .Table(["Stage", "At the start of term", $"On {UkTime.Format(r.AsOf)}", "Change"],
                r.PupilsByStage.Select(s => Row($"{s.Stage}: {s.Name}", s.AtStart, s.AtEnd, Change(s.AtStart, s.AtEnd))));
        doc.Heading("Pupils by primary need");
        if (r.PupilsByNeed.Count == 0)
        {
            doc.Paragraph("No pupil was on the pathway this term.");
        }
        else
        {
            doc.Table(["Primary need", "At the start of term", $"On {UkTime.Format(r.AsOf)}", "Change"],
                r.PupilsByNeed.Select(n => Row(n.Need, n.AtStart, n.AtEnd, Change(n.AtStart, n.AtEnd))));
        }

        doc.Heading("Progress at reviews this term, by stage")
            .Table(["Stage", "None", "Little", "Expected", "Good", "Reviews"],
                r.ProgressByStage.Select(p => Row($"{p.Stage}: {p.Name}", p.None, p.Little, p.Expected, p.Good, p.Total)));

        doc.Heading("Target scores at reviews this term, by stage (-2 worse to +2 exceeded)")
            .Table(["Stage", "-2", "-1", "0", "+1", "+2", "Mean"],
                r.TargetScoresByStage.Select(s => Row([$"{s.Stage}: {s.Name}", .. s.Counts.Cast<object>(),
                    s.Mean is { } m ? m.ToString("+0.##;-0.##;0", En) : "-"])));

        doc.Heading("Provision in place")
            .Paragraph($"{r.Provision.InPlace} interventions were in place this term. {r.Provision.CostSentence}");
        if (r.Provision.ByIntervention.Count > 0)
            doc.Table(["Intervention", "In place"], r.Provision.ByIntervention.Select(i => Row(i.Intervention, i.Count)));

        var reviews = r.Reviews;
        doc.Heading("Reviews due this term")
            .Table(["Due this term", "Done on time", "Done late", "Overdue", "Not yet due"],
                [Row(reviews.Due, reviews.OnTime, reviews.Late, reviews.Overdue, reviews.NotYetDue)]);

        doc.Heading("Meetings with parents")
            .Paragraph($"{r.ParentMeetingsHeld} meetings with parents were held this term.");

        var ehc = r.EhcCases;
        doc.Heading("EHC needs assessments (statutory 20-week limit)")
            .Table(["Open today", "Within 20 weeks", "Over 20 weeks", "Past a statutory limit"],
                [Row(ehc.Open, ehc.WithinTwentyWeeks, ehc.OverTwentyWeeks, ehc.PastAStatutoryLimit)]);

        doc.Heading("The monitoring programme");
        if (!r.Programme.Running)
        {
            doc.Paragraph($"The school's monitoring programme is not running for {r.AcademicYear}.");
        }
        else
        {
            doc.Paragraph($"By the end of the term: {r.Programme.Done} activities done, {r.Programme.Outstanding} outstanding.");
            if (r.Programme.ThisTerm.Count > 0)
            {
                doc.Table(["Activity this term", "Responsible", "Due", "Done"],
                    r.Programme.ThisTerm.Select(a => (List<string>)[a.Title, a.Role, UkTime.Format(a.DueOn), a.Done ? "yes" : "no"]));
            }
        }

        doc.Heading($"The action plan for {r.AcademicYear}")
            .Table(["Status", "Actions"], r.ActionPlan.Select(s => Row(s.Status, s.Count)));
        return doc;
    }

    private static string Change(int from, int to) => (to - from) switch { 0 => "no change", > 0 and var d => $"+{d}", var d => $"{d}" };

    private static List<string> Row(params object[] cells) =>
        cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToList();
}
