using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.SelfReviews;

/// <summary>
/// The borough's view of its schools' self-reviews (seed 001: "data for trends analysis and planning concerning the numbers
/// and levels of Special Educational Needs at school and Borough levels"): each school's level per dimension over the years
/// with its change from last year, and the SEN audit's figures per school and for the borough. An LA officer sees their
/// borough's schools, an educational psychologist the schools assigned to them. Figures and levels only: no pupil.
/// </summary>
public sealed class BoroughSelfReviews(IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, SelfReviewSource source,
    TimeProvider time)
{
    /// <summary>How many school years the view shows, ending with the one asked for.</summary>
    public const int YearsShown = 4;

    public async Task<BoroughSelfReviewsDto> GetAsync(Caller caller, string boroughId, string? academicYear, CancellationToken ct)
    {
        var review = source.Review;
        await guard.RequireOwnBoroughAsync(caller, boroughId, "see the borough's self-reviews", Capabilities.Of(Capabilities.BoroughSelfReviews));
        if (!AcademicYear.TryParseOrCurrent(academicYear, UkTime.DateOf(time.GetUtcNow()), out var year))
            throw new RequestValidationException([new Problem("'year' is a school year such as 2026-27.", "year")]);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Boroughs.AnyAsync(b => b.Id == boroughId, ct)) throw new NotFoundException($"There is no borough '{boroughId}'.");
        var schools = db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId);
        if (caller.Role == StaffRoles.EducationalPsychologist)
        {
            var mine = AccessPolicy.EpSchoolsFor(caller.User, db);
            schools = schools.Where(s => mine.Contains(s.Id));
        }
        var list = await schools.OrderBy(s => s.Name).ToListAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "borough-self-reviews", $"{boroughId} {year}", null, null);
        return await BuildAsync(db, review, boroughId, list, year, ct);
    }

    /// <summary>
    /// Each of the borough's schools' level per dimension this year and last, for the LA's landing page. No caller: the page
    /// that asks has checked its caller (an LA officer of the borough) and audits the look.
    /// </summary>
    public async Task<IReadOnlyList<SchoolLevelsSummary>> SummaryAsync(string boroughId, AcademicYear year, CancellationToken ct)
    {
        var review = source.Review;
        await using var db = await factory.CreateDbContextAsync(ct);
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId).OrderBy(s => s.Name).ToListAsync(ct);
        var view = await BuildAsync(db, review, boroughId, schools, year, ct);
        var (thisYear, lastYear) = (view.Years.Count - 1, view.Years.Count - 2);
        return view.Schools.Select(s => new SchoolLevelsSummary(s.SchoolId, s.Name, review.Dimensions.Select((d, i) =>
            new DimensionLevelsSummary(d.Id, d.Number, d.Title, s.Dimensions[i].Levels[thisYear], s.Dimensions[i].Levels[lastYear])).ToList()))
            .ToList();
    }

    private static async Task<BoroughSelfReviewsDto> BuildAsync(SendWorkflowDbContext db, SelfReviewDefinition review, string boroughId,
        List<School> schools, AcademicYear year, CancellationToken ct)
    {
        var years = Enumerable.Range(0, YearsShown).Select(i => new AcademicYear(year.StartYear - YearsShown + 1 + i).ToString()).ToList();
        var ids = schools.Select(s => s.Id).ToList();
        var records = await db.SelfReviews.AsNoTracking().Where(r => ids.Contains(r.SchoolId) && years.Contains(r.AcademicYear)).ToListAsync(ct);
        var recordIds = records.Select(r => r.Id).ToList();
        var levels = (await db.SelfReviewLevels.AsNoTracking().Where(l => recordIds.Contains(l.SelfReviewId)).ToListAsync(ct))
            .ToLookup(l => l.SelfReviewId);
        var key = year.ToString();
        var states = await (from p in db.Programmes.AsNoTracking()
                            join i in db.Instances.AsNoTracking() on p.InstanceId equals i.Id
                            where ids.Contains(p.SchoolId) && p.DefinitionId == SelfReviews.DefinitionId && p.AcademicYear == key
                            select new { p.SchoolId, i.State }).ToDictionaryAsync(x => x.SchoolId, x => x.State, ct);
        var eps = await (from a in db.EpAssignments.AsNoTracking()
                         join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                         where ids.Contains(a.SchoolId)
                         select new { a.SchoolId, u.DisplayName }).ToDictionaryAsync(x => x.SchoolId, x => x.DisplayName, ct);

        var rows = new List<SchoolSelfReviewRowDto>(schools.Count);
        foreach (var school in schools)
        {
            var byYear = years.Select(y => records.FirstOrDefault(r => r.SchoolId == school.Id && r.AcademicYear == y)).ToList();
            var trends = review.Dimensions.Select(d =>
            {
                var perYear = byYear.Select(r => r is null ? null
                    : SelfReviews.Mean(d.Descriptors.Select(x => levels[r.Id].FirstOrDefault(l => l.DescriptorId == x.Id)?.Level))).ToList();
                var change = perYear[^1] is { } now && perYear[^2] is { } before ? Math.Round(now - before, 1) : (double?)null;
                return new DimensionTrendDto(d.Id, perYear, change);
            }).ToList();
            var figures = new List<SchoolFiguresDto>();
            for (var i = 0; i < years.Count; i++)
            {
                if (SenFigureRules.Parse(byYear[i]?.Figures) is { } saved) figures.Add(new SchoolFiguresDto(years[i], saved, true));
                else if (years[i] == key) figures.Add(new SchoolFiguresDto(key, await SenFigureRules.FromRegisterAsync(db, school.Id, ct), false));
            }
            rows.Add(new SchoolSelfReviewRowDto(school.Id, school.Name, eps.GetValueOrDefault(school.Id), states.GetValueOrDefault(school.Id),
                trends, figures));
        }
        var borough = years
            .Select(y => (Year: y, Figures: rows.SelectMany(r => r.Figures).Where(f => f.AcademicYear == y).Select(f => f.Figures).ToList()))
            .Where(y => y.Figures.Count > 0)
            .Select(y => new BoroughFiguresDto(y.Year, y.Figures.Count, SenFigureRules.Sum(y.Figures))).ToList();
        var headers = review.Dimensions.Select(d => new DimensionHeaderDto(d.Id, d.Number, d.Title)).ToList();
        return new BoroughSelfReviewsDto(boroughId, key, years, headers, rows, borough);
    }
}
