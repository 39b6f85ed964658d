using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.Reports.SenInformation;

/// <summary>
/// The school's SEN information report (SEND Code of Practice 6.79-6.83), published on its website each year: a draft
/// with the Code's sections, figures filled from the school's data and the text the SENCo writes, kept from year to year
/// (a year shows the latest earlier year's text for a section until the SENCo changes it). As JSON, a standalone HTML page
/// and a PDF. The API and the Studio's page both come here; the SENCo, headteacher and administrators may read and write
/// it; each look and change is audited.
/// </summary>
public sealed class SenInformationReports(IDbContextFactory<SendWorkflowDbContext> factory, CalendarRegistry calendars, AccessGuard guard,
    CpdAudits.CpdAudits audits, TimeProvider time)
{
    public const int MaxText = 8000;
    private const string Resource = "sen-information";

    public async Task<SenInformationReportDto> GetAsync(Caller caller, string schoolId, string? academicYear, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "see the school's SEN information report", Capabilities.Of(Capabilities.ChangeActionPlan));
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await SchoolAsync(db, schoolId, ct);
        var problems = new ProblemCollector();
        var year = Year(academicYear, school, problems);
        problems.ThrowIfAny();
        await guard.AuditAsync(caller, AuditActions.Read, Resource, $"{schoolId} {year}", null, schoolId);
        return await BuildAsync(db, school, year, ct);
    }

    /// <summary>The report as a standalone web page for the school's website.</summary>
    public async Task<SenInformationFile> HtmlAsync(Caller caller, string schoolId, string? academicYear, CancellationToken ct)
    {
        var report = await GetAsync(caller, schoolId, academicYear, ct);
        return new SenInformationFile($"{FileName(report)}.html", "text/html; charset=utf-8",
            System.Text.Encoding.UTF8.GetBytes(SenInformationHtml.Render(report)));
    }

    public async Task<SenInformationFile> PdfAsync(Caller caller, string schoolId, string? academicYear, CancellationToken ct)
    {
        var report = await GetAsync(caller, schoolId, academicYear, ct);
        return new SenInformationFile($"{FileName(report)}.pdf", "application/pdf", SenInformationPdf.For(report).ToPdf());
    }

    /// <summary>Saves a section's text for the year; refused with every problem listed, nothing saved.</summary>
    public async Task<SenInformationSectionDto> SaveAsync(Caller caller, string schoolId, string? sectionId, string? academicYear,
        SaveSenInformationTextRequest? body, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "change the school's SEN information report",
            Capabilities.Of(Capabilities.ChangeActionPlan));
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await SchoolAsync(db, schoolId, ct);
        var problems = new ProblemCollector();
        var year = Year(academicYear, school, problems);
        var section = SenInformationSections.Find(sectionId);
        var ids = string.Join(", ", SenInformationSections.All.Select(s => s.Id));
        problems.Check(section is not null, "sectionId", $"'{sectionId}' is not a section of the SEN information report: use one of {ids}.")
            .Check(body?.Text is not null, "text", "'text' is required (an empty text clears the section for this year).")
            .Check(body?.Text is not { Length: > MaxText }, "text", $"'text' must be at most {MaxText} characters.")
            .ThrowIfAny();

        var key = year.ToString();
        var row = await db.SenInformationTexts.FirstOrDefaultAsync(t => t.SchoolId == schoolId && t.AcademicYear == key
            && t.SectionId == section!.Id, ct);
        var now = time.GetUtcNow();
        if (row is null)
        {
            row = new SenInformationText { Id = Guid.CreateVersion7(now), SchoolId = schoolId, AcademicYear = key, SectionId = section!.Id };
            db.SenInformationTexts.Add(row);
        }
        row.Text = body!.Text!.TrimEnd();
        row.SavedAt = now.UtcDateTime;
        row.SavedBy = caller.Actor;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject(Resource, $"{schoolId} {key} {section!.Id}", null, schoolId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Someone else saved this section at the same moment; open the report again to see theirs.");
        }
        var report = await BuildAsync(db, school, year, ct);
        return report.Sections.Single(s => s.Id == section.Id);
    }

    private async Task<SenInformationReportDto> BuildAsync(SendWorkflowDbContext db, School school, AcademicYear year, CancellationToken ct)
    {
        var figures = await SenInformationFigureReader.ReadAsync(db, school.Id, year, await audits.TrainingNeedsAsync(school.Id, year, ct), ct);
        var key = year.ToString();
        // Each section's latest text up to this year ("2026-27" sorts as its year does).
        var texts = (await db.SenInformationTexts.AsNoTracking().Where(t => t.SchoolId == school.Id).ToListAsync(ct))
            .Where(t => string.CompareOrdinal(t.AcademicYear, key) <= 0)
            .GroupBy(t => t.SectionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(t => t.AcademicYear, StringComparer.Ordinal)!, StringComparer.Ordinal);
        var sections = SenInformationSections.All.Select((s, i) =>
        {
            var text = texts.GetValueOrDefault(s.Id);
            return new SenInformationSectionDto(s.Id, i + 1, s.Title, s.Guidance, string.IsNullOrWhiteSpace(text?.Text) ? null : text.Text,
                text?.AcademicYear, text is null ? null : new DateTimeOffset(text.SavedAt, TimeSpan.Zero), text?.SavedBy,
                SenInformationFigureTables.For(s.Figures, figures));
        }).ToList();
        return new SenInformationReportDto(school.Id, school.Name, key, UkTime.DateOf(time.GetUtcNow()), figures, sections);
    }

    // The current school year when none is asked for; either way one the borough's term dates cover.
    private AcademicYear Year(string? text, School school, ProblemCollector problems)
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        if (!AcademicYear.TryParseOrCurrent(text, today, out var year))
        {
            problems.Check(false, "year", $"'{text}' is not a school year: write it as {AcademicYear.Of(today)}.");
            return year;
        }
        var calendar = calendars.ForBorough(school.BoroughId);
        problems.Check(year.IsCoveredBy(calendar), "year", $"The borough's term dates ({calendar.Name}) do not cover {year}.");
        return year;
    }

    private static async Task<School> SchoolAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct) =>
        await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct)
        ?? throw new NotFoundException($"There is no school '{schoolId}'.");

    private static string FileName(SenInformationReportDto report) => $"sen-information-report-{report.SchoolId}-{report.AcademicYear}";
}
