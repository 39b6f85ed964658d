using System.Globalization;
using System.Text.Json;
using SendWorkflow.Send.Documents;
using SendWorkflow.Send.Ipm;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Transition;

/// <summary>
/// The July transition pack: for a pupil on the register, what the next teacher or school needs, as a PDF: who the
/// pupil is and where they are on the pathway, the provision map, the targets set at each review with the progress
/// recorded, the stages and their dates, the professionals involved and the chronology. For the staff who keep the
/// pupil's provision (their teacher, the SENCo, the headteacher), audited like any look at the record.
/// </summary>
public sealed class TransitionPacks(IDbContextFactory<SendWorkflowDbContext> factory, PupilRecords records, AccessGuard guard,
    TimeProvider time)
{
    private const int ChronologyLines = 60;

    public async Task<byte[]> PdfAsync(Caller caller, string pupilId, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "download a transition pack", Capabilities.Of(Capabilities.ChangeProvision));
        var record = await records.GetAsync(caller, pupilId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "transition-pack", pupilId, pupilId, record.SchoolId);
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == record.SchoolId).Select(s => s.Name).FirstAsync(ct);
        var instances = record.Workflows.Select(w => w.InstanceId).ToList();
        var completions = await db.Journal.AsNoTracking()
            .Where(j => instances.Contains(j.InstanceId) && j.Kind == JournalKinds.TaskCompleted && j.Data != null)
            .OrderBy(j => j.Id).ToListAsync(ct);
        var ipm = await IpmTargets.ViewAsync(db, pupilId, ct);
        return Document(school, record, completions, ipm).ToPdf();
    }

    private SchoolDocument Document(string school, PupilRecordView r, IReadOnlyList<JournalEntry> completions, IpmView ipm)
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        var doc = new SchoolDocument(school, $"Transition pack: {r.Name}", today)
            .Paragraph("For the pupil's next teacher or school, from the July transition meeting. It holds special category data: "
                + "keep it with the pupil's SEN file.")
            .Table(["About the pupil", ""],
            [
                ["Name", r.Name], ["Year group", YearGroup(r.YearGroup)], ["Class", r.ClassName ?? "Not recorded"],
                ["Primary need", r.PrimaryNeed ?? "Not recorded"],
                ["Where on the pathway", r.Stage is { } s ? $"Stage {s}: {r.StageName}" : "Not on the pathway"],
                ["Since", r.Since is { } since ? UkTime.Format(since) : "-"], ["Census code", r.CensusCode],
            ]);
        doc.Heading("Individual provision map");
        if (r.Provisions.Count == 0)
        {
            doc.Paragraph("No provision recorded.");
        }
        else
        {
            doc.Table(["Intervention", "Entry and exit criteria", "When", "Delivered by", "Impact"],
                r.Provisions.Select(p => (IReadOnlyList<string>)[p.Intervention, $"Entry: {p.EntryCriteria}. Exit: {p.ExitCriteria}.",
                    $"{Day(p.StartsOn)} to {(p.EndsOn is { } e ? Day(e) : "now")}", p.DeliveredBy, p.Impact ?? ""]));
        }

        doc.Heading("SMART targets and their scores (-2 worse to +2 exceeded)");
        if (ipm.Targets.Count == 0)
        {
            doc.Paragraph("No SMART target set on the individual provision map.");
        }
        else
        {
            doc.Table(["Target", "We will know when", "Set", "Status", "Scores at reviews"],
                ipm.Targets.Select(t => (IReadOnlyList<string>)[t.Text, t.SuccessCriteria, Day(t.SetOn),
                    t.ClosedOn is { } c ? $"{t.Status} {Day(c)}" : t.Status,
                    t.Scores.Count == 0 ? "not reviewed" : string.Join(", ", t.Scores.Select(x => $"{TargetScale.Show(x.Score)} ({Day(x.On)})"))]));
        }

        var reviews = completions.Select(Review).OfType<(DateOnly On, string Progress, string Targets)>().ToList();
        doc.Heading("Targets and progress at each review");
        if (reviews.Count == 0) doc.Paragraph("No review recorded yet.");
        else doc.Table(["Review", "Progress", "Targets set"], reviews.Select(x => (IReadOnlyList<string>)[Day(x.On), x.Progress, x.Targets]));

        doc.Heading("Stages and dates");
        var moves = r.Chronology.Where(c => c.Kind is JournalKinds.Transition or JournalKinds.Started).OrderBy(c => c.At).ToList();
        if (moves.Count == 0) doc.Paragraph("No stage recorded.");
        else doc.Table(["Date", "What happened"], moves.Select(c => (IReadOnlyList<string>)[Day(c.At), c.Detail]));

        var agencies = completions.Select(Agency).OfType<(DateOnly On, string Agency)>().ToList();
        doc.Heading("Professionals involved");
        if (agencies.Count == 0) doc.Paragraph("No outside agency's advice recorded.");
        else doc.Table(["Date", "Agency or professional"], agencies.Select(a => (IReadOnlyList<string>)[UkTime.Format(a.On), a.Agency]));

        doc.Heading("Chronology");
        doc.Table(["Date", "What happened"],
            r.Chronology.OrderBy(c => c.At).TakeLast(ChronologyLines).Select(c => (IReadOnlyList<string>)[Day(c.At), $"{c.Workflow}: {c.Detail}"]));
        return doc;
    }

    // A review's completion: its date, the progress recorded and the targets set.
    private static (DateOnly On, string Progress, string Targets)? Review(JournalEntry j)
    {
        using var data = JsonDocument.Parse(j.Data!);
        if (!data.RootElement.TryGetProperty("form", out var form) || form.ValueKind != JsonValueKind.Object) return null;
        var progress = Text(form, "progress");
        var targets = Text(form, "nextTargets");
        if (progress is null && targets is null) return null;
        return (UkTime.DateOf(new DateTimeOffset(j.At, TimeSpan.Zero)), progress ?? "-", targets ?? "-");
    }

    private static (DateOnly On, string Agency)? Agency(JournalEntry j)
    {
        using var data = JsonDocument.Parse(j.Data!);
        return data.RootElement.TryGetProperty("form", out var form) && form.ValueKind == JsonValueKind.Object && Text(form, "agency") is { } agency
            ? (UkTime.DateOf(new DateTimeOffset(j.At, TimeSpan.Zero)), agency)
            : null;
    }

    private static string? Text(JsonElement form, string field) =>
        form.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static string Day(DateTimeOffset at) => UkTime.Format(UkTime.DateOf(at));

    private static string Day(DateOnly day) => UkTime.Format(day);

    private static string YearGroup(int year) => year == 0 ? "Reception" : $"Year {year.ToString(CultureInfo.InvariantCulture)}";
}
