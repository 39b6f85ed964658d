namespace SendWorkflow.Send.Workspace;

/// <summary>
/// The school's views: the SEN register, overdue reviews and provision map for the SENCo and headteacher, and the
/// figures a governor sees (counts, never names). The API and the Studio's pages both call these; each checks the
/// caller may see the school (404 for another school, 403 for a role without the view) and audits the look.
/// </summary>
public sealed class SchoolViews(IDbContextFactory<SendWorkflowDbContext> factory, IDefinitionCatalog catalog, AccessGuard guard,
    TimeProvider time)
{
    private const string Pathway = "send-pathway";

    /// <summary>The school a page shows: the caller's own, or for an administrator the one asked for (else the first).</summary>
    public async Task<SchoolChoice> SchoolForAsync(Caller caller, string? requested, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var schools = db.Schools.AsNoTracking();
        var school = caller.IsAdministrator
            ? await schools.Where(s => requested == null || s.Id == requested).OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
            : await schools.FirstOrDefaultAsync(s => s.Id == caller.SchoolId, ct);
        return new SchoolChoice(school?.Id, school?.Name);
    }

    public async Task<SchoolFigures> FiguresAsync(Caller caller, string schoolId, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "see the school's figures", Capabilities.Of(Capabilities.SchoolFigures));
        await using var db = await factory.CreateDbContextAsync(ct);
        return await FiguresAsync(db, schoolId, UkTime.DateOf(time.GetUtcNow()), ct);
    }

    /// <summary>Every pupil on the pathway with their stage and census code: K for SEN support (stages 3 to 5), E for an EHC plan.</summary>
    public async Task<IReadOnlyList<SenRegisterRow>> RegisterAsync(Caller caller, string schoolId, CancellationToken ct)
    {
        await RequireViewsAsync(caller, schoolId);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await RegisterRowsAsync(db, schoolId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "sen-register", schoolId, null, schoolId);
        return rows;
    }

    public async Task<IReadOnlyList<OverdueReviewRow>> OverdueAsync(Caller caller, string schoolId, CancellationToken ct)
    {
        await RequireViewsAsync(caller, schoolId);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await OverdueRowsAsync(db, schoolId, UkTime.DateOf(time.GetUtcNow()), ct);
        await guard.AuditAsync(caller, AuditActions.Read, "overdue-reviews", schoolId, null, schoolId);
        return rows;
    }

    public async Task<IReadOnlyList<ProvisionMapRow>> ProvisionMapAsync(
        Caller caller, string schoolId, CancellationToken ct)
    {
        await RequireViewsAsync(caller, schoolId);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await ProvisionMapRowsAsync(db, schoolId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "provision-map", schoolId, null, schoolId);
        return rows;
    }

    /// <summary>Each stage's name as the published pathway names it, for pages that show stages by number.</summary>
    public async Task<IReadOnlyDictionary<int, string>> StageNamesAsync(CancellationToken ct) =>
        (await catalog.GetPublishedAsync(Pathway, ct)).Definition.States
            .Where(s => s.Stage is not null).GroupBy(s => s.Stage!.Value).ToDictionary(g => g.Key, g => g.First().Name);

    private Task RequireViewsAsync(Caller caller, string schoolId) =>
        guard.RequireSchoolAsync(caller, schoolId, "see the school's SEN register", Capabilities.Of(Capabilities.SchoolViews));

    /// <summary>The school's figures; the caller has checked the user may see them.</summary>
    private static async Task<SchoolFigures> FiguresAsync(SendWorkflowDbContext db, string schoolId, DateOnly today, CancellationToken ct)
    {
        var stages = await db.Instances.AsNoTracking()
            .Where(i => i.SchoolId == schoolId && i.DefinitionId == Pathway && i.Status == InstanceStatus.Active)
            .GroupBy(i => i.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(ct);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.SchoolId == schoolId && t.Status == WorkTaskStatus.Open);
        return new SchoolFigures(schoolId, today,
            stages.OrderBy(s => s.Stage).ToDictionary(s => s.Stage is { } n ? $"stage {n}" : "no stage", s => s.Count),
            stages.Where(s => s.Stage is >= 3 and <= 5).Sum(s => s.Count),
            stages.Where(s => s.Stage == 6).Sum(s => s.Count),
            await tasks.CountAsync(t => t.Kind == "review", ct),
            await tasks.CountAsync(t => t.Kind == "review" && t.DueOn < today, ct),
            await tasks.CountAsync(t => t.DueOn < today, ct));
    }

    /// <summary>The register's rows, each stage named as the pupil's version of the pathway names it.</summary>
    private async Task<IReadOnlyList<SenRegisterRow>> RegisterRowsAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct)
    {
        var rows = await (
            from i in db.Instances.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on i.SubjectId equals p.Id
            where i.SchoolId == schoolId && i.DefinitionId == Pathway && i.Status == InstanceStatus.Active
            orderby p.YearGroup, p.Name
            select new { p.Id, p.Name, p.YearGroup, p.ClassName, p.PrimaryNeed, i.Stage, i.State, i.Version, i.EnteredStateAt }).ToListAsync(ct);
        var names = new Dictionary<(int, string), string>();
        foreach (var v in rows.Select(r => (r.Version, r.State)).Distinct())
            names[v] = (await catalog.GetAsync(Pathway, v.Version, ct)).States.GetValueOrDefault(v.State)?.Name ?? v.State;
        return rows.Select(r => new SenRegisterRow(r.Id, r.Name, r.YearGroup, r.ClassName, r.Stage, names[(r.Version, r.State)],
            UkTime.DateOf(new DateTimeOffset(r.EnteredStateAt, TimeSpan.Zero)), CensusCode(r.Stage), r.PrimaryNeed)).ToList();
    }

    /// <summary>The overdue reviews' rows; the caller has checked the user may see them, and audits the look.</summary>
    private static async Task<IReadOnlyList<OverdueReviewRow>> OverdueRowsAsync(SendWorkflowDbContext db, string schoolId, DateOnly today,
        CancellationToken ct)
    {
        var rows = await (
            from t in db.Tasks.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on t.SubjectId equals p.Id
            where t.SchoolId == schoolId && t.Status == WorkTaskStatus.Open && t.Kind == "review" && t.DueOn < today
            orderby t.DueOn
            select new { t.Id, p.Name, p.ClassName, t.SubjectId, t.Title, t.Role, t.DueOn }).ToListAsync(ct);
        return rows.Select(r =>
            new OverdueReviewRow(r.Id, r.SubjectId, r.Name, r.ClassName, r.Title, r.Role, r.DueOn, today.DayNumber - r.DueOn.DayNumber)).ToList();
    }

    /// <summary>The school's provision map; the caller has checked the user may see it, and audits the look.</summary>
    private static async Task<List<ProvisionMapRow>> ProvisionMapRowsAsync(
        SendWorkflowDbContext db, string schoolId, CancellationToken ct)
    {
        var rows = await (from p in db.Provisions.AsNoTracking()
                          join pupil in db.Pupils.AsNoTracking() on p.PupilId equals pupil.Id
                          where p.SchoolId == schoolId
                          orderby pupil.YearGroup, pupil.Name, p.StartsOn
                          select new { p, pupil.Name, pupil.ClassName }).ToListAsync(ct);
        return rows.Select(r => new ProvisionMapRow(PupilRecords.ToDto(r.p), r.Name, r.ClassName)).ToList();
    }

    /// <summary>The school census's SEN provision code: N no special provision, K SEN support, E an EHC plan.</summary>
    public static string CensusCode(int? stage) => stage switch { 6 => "E", >= 3 and <= 5 => "K", _ => "N" };

}
