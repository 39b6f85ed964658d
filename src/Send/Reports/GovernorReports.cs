using SendWorkflow.Rules;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Ipm;
using SendWorkflow.Send.Statutory;

namespace SendWorkflow.Send.Reports;

/// <summary>
/// The SEN governor's termly report for a school (issue 13, seeds 000 and 002): figures without names, on screen and as
/// a PDF. The API and the Studio's page both come here; the school's SENCo, headteacher, governors and administrators
/// may read it, and each look is audited.
/// </summary>
public sealed class GovernorReports(IDbContextFactory<SendWorkflowDbContext> factory, IDefinitionCatalog catalog, CalendarRegistry calendars,
    ComplianceReports compliance, ActionPlans.ActionPlans plans, AccessGuard guard, TimeProvider time)
{
    private const string Pathway = "send-pathway";
    private const string NotRecorded = "not recorded";

    public async Task<GovernorReportDto> GetAsync(Caller caller, string schoolId, string? year, string? term, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "read the governor's report", Capabilities.Of(Capabilities.SchoolFigures));
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct)
            ?? throw new NotFoundException($"There is no school '{schoolId}'.");
        var now = time.GetUtcNow();
        var today = UkTime.DateOf(now);
        var (academicYear, schoolTerm) = ReportTerm.Resolve(year, term, calendars.ForBorough(school.BoroughId), today);
        var asOf = today < schoolTerm.To ? today : schoolTerm.To;
        var end = today <= schoolTerm.To ? now.UtcDateTime : UkTime.StartOf(schoolTerm.To.AddDays(1)).UtcDateTime;
        var window = new ReportWindow(schoolId, academicYear, schoolTerm, asOf, today);
        // The plan counts the follow-ups of the activities done so far, whether or not anyone has opened it since.
        await plans.CatchUpAsync(schoolId, academicYear, ct);

        var pupils = await PupilsAsync(db, window, UkTime.StartOf(schoolTerm.From).UtcDateTime, end, ct);
        var stageNames = (await catalog.GetPublishedAsync(Pathway, ct)).Definition.States
            .Where(s => s.Stage is not null).GroupBy(s => s.Stage!.Value).ToDictionary(g => g.Key, g => g.First().Name);
        var report = new GovernorReportDto(schoolId, school.Name, academicYear.ToString(), schoolTerm.Name, schoolTerm.From, schoolTerm.To, asOf,
            ByStage(pupils, stageNames), ByNeed(pupils), ProgressByStage(pupils, stageNames),
            await TargetScoresAsync(db, window, stageNames, ct),
            await GovernorReportSections.ProvisionAsync(db, window, ct),
            await GovernorReportSections.ReviewsAsync(db, window, ct),
            await GovernorReportSections.ParentMeetingsAsync(db, window, ct),
            await EhcCasesAsync(school, ct),
            await GovernorReportSections.ProgrammeAsync(db, window, ct),
            await GovernorReportSections.ActionPlanAsync(db, window, ct));
        await guard.AuditAsync(caller, AuditActions.Read, "governor-report", $"{schoolId} {academicYear} {schoolTerm.Name}", null, schoolId);
        return report;
    }

    /// <summary>The report as a PDF: the same figures, with the school's name, UK dates and page numbers.</summary>
    public async Task<GovernorReportFile> PdfAsync(Caller caller, string schoolId, string? year, string? term, CancellationToken ct)
    {
        var report = await GetAsync(caller, schoolId, year, term, ct);
        var pdf = GovernorReportPdf.For(report, UkTime.DateOf(time.GetUtcNow())).ToPdf();
        return new GovernorReportFile($"governor-report-{report.AcademicYear}-{report.Term}.pdf", pdf);
    }

    /// <summary>Each pupil who was on the pathway in the term: stage at its start and end, need, and reviews recorded.</summary>
    private async Task<List<PupilInTerm>> PupilsAsync(SendWorkflowDbContext db, ReportWindow window, DateTime start, DateTime end,
        CancellationToken ct)
    {
        var instances = await (
            from i in db.Instances.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on i.SubjectId equals p.Id
            where i.SchoolId == window.SchoolId && i.DefinitionId == Pathway && i.StartedAt <= end
            select new { i.Id, i.Version, i.MeasureHistory, p.PrimaryNeed }).ToListAsync(ct);
        var history = await PathwayHistory.LoadAsync(db, instances.Select(i => i.Id).ToList(), ct);
        var result = new List<PupilInTerm>(instances.Count);
        foreach (var i in instances)
        {
            var states = (await catalog.GetAsync(Pathway, i.Version, ct)).States;
            int? StageOf(string? state) => state is null ? null : states.GetValueOrDefault(state)?.Stage;
            var reviews = MeasureHistory.Parse(i.MeasureHistory).Where(m => window.Term.From <= m.Date && m.Date <= window.AsOf)
                .Select(m => (StageOf(m.State), m.Level)).ToList();
            result.Add(new PupilInTerm(StageOf(history.StateAt(i.Id, start)), StageOf(history.StateAt(i.Id, end)),
                string.IsNullOrWhiteSpace(i.PrimaryNeed) ? NotRecorded : i.PrimaryNeed.Trim().ToUpperInvariant(), reviews));
        }
        return result;
    }

    private static List<StageCount> ByStage(List<PupilInTerm> pupils, IReadOnlyDictionary<int, string> names) =>
        Enumerable.Range(1, 6).Select(n => new StageCount(n, names.GetValueOrDefault(n, $"Stage {n}"),
            pupils.Count(p => p.StageAtStart == n), pupils.Count(p => p.StageAtEnd == n))).ToList();

    // A pupil's need as it is recorded now: the service keeps no history of a need.
    private static List<NeedCount> ByNeed(List<PupilInTerm> pupils) =>
        pupils.Where(p => p.StageAtStart is not null || p.StageAtEnd is not null).GroupBy(p => p.Need)
            .Select(g => new NeedCount(g.Key, g.Count(p => p.StageAtStart is not null), g.Count(p => p.StageAtEnd is not null)))
            .OrderBy(n => n.Need == NotRecorded).ThenBy(n => n.Need, StringComparer.Ordinal).ToList();

    private static List<StageProgress> ProgressByStage(List<PupilInTerm> pupils, IReadOnlyDictionary<int, string> names)
    {
        var reviews = pupils.SelectMany(p => p.Reviews).ToList();
        int Count(int stage, Progress level) => reviews.Count(r => r.Stage == stage && r.Level == level);
        return Enumerable.Range(1, 6).Select(n => new StageProgress(n, names.GetValueOrDefault(n, $"Stage {n}"),
            Count(n, Progress.None), Count(n, Progress.Little), Count(n, Progress.Expected), Count(n, Progress.Good))).ToList();
    }

    /// <summary>The targets scored at the term's reviews of the school's pupils, by the stage each pupil was at then.</summary>
    private async Task<List<StageScores>> TargetScoresAsync(SendWorkflowDbContext db, ReportWindow window,
        IReadOnlyDictionary<int, string> names, CancellationToken ct)
    {
        var instances = db.Instances.AsNoTracking().Where(i => i.SchoolId == window.SchoolId && i.DefinitionId == Pathway);
        var versions = await instances.ToDictionaryAsync(i => i.Id, i => i.Version, ct);
        var scored = new List<(int? Stage, int Score)>();
        foreach (var review in await ReviewHistory.OfAsync(db, instances.Select(i => i.Id), window.Term.From, window.AsOf, ct))
        {
            var stage = (await catalog.GetAsync(Pathway, versions[review.InstanceId], ct)).States.GetValueOrDefault(review.State)?.Stage;
            scored.AddRange(review.Scores.Select(s => (stage, s.Score)));
        }
        return Enumerable.Range(1, 6).Select(n =>
        {
            var scores = scored.Where(x => x.Stage == n).Select(x => x.Score).ToList();
            var counts = Enumerable.Range(-2, 5).Select(v => scores.Count(x => x == v)).ToList();
            return new StageScores(n, names.GetValueOrDefault(n, $"Stage {n}"), counts, scores.Count == 0 ? null : Math.Round(scores.Average(), 2));
        }).ToList();
    }

    /// <summary>The school's open EHC needs assessments today, as the borough's compliance report measures them.</summary>
    private async Task<EhcCases> EhcCasesAsync(School school, CancellationToken ct)
    {
        var open = (await compliance.OpenAssessmentsAsync(school.BoroughId, ct)).Where(a => a.SchoolId == school.Id).ToList();
        var over = open.Count(a => a.WeeksElapsed >= 20);
        return new EhcCases(open.Count, open.Count - over, over, open.Count(a => a.LimitsPassed.Count > 0));
    }

    private sealed record PupilInTerm(int? StageAtStart, int? StageAtEnd, string Need, List<(int? Stage, Progress Level)> Reviews);
}
