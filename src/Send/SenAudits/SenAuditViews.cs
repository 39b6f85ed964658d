using System.Text.Json;
using SendWorkflow.Send.Definitions;

namespace SendWorkflow.Send.SenAudits;

/// <summary>
/// What the SEN audits look like to each reader, every read audited: the borough's officers see their borough's audits and
/// each school's summary (last audit, next due, status); a school's leaders their school's audits; the visiting SENCo the
/// audits whose team they are on, with the drawn pupils on the audit day only.
/// </summary>
public sealed class SenAuditViews(IDbContextFactory<SendWorkflowDbContext> factory, DefinitionCatalog catalog, AccessGuard guard,
    TimeProvider time)
{
    /// <summary>How long a school may go between audits (seed 001: at least once every two years).</summary>
    public const int YearsBetween = 2;

    private const string Pathway = "send-pathway";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateOnly Today => UkTime.DateOf(time.GetUtcNow());

    public async Task<SenAuditDto> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var audit = await RequireReadAsync(db, caller, id, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "sen-audit", id.ToString(), null, audit.SchoolId);
        return await DtoAsync(db, caller, audit, ct);
    }

    /// <summary>The written report as a PDF, once it is issued.</summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var audit = await RequireReadAsync(db, caller, id, ct);
        if (audit.ReportedOn is null) throw new ConflictException("The audit's written report has not been issued yet.");
        await guard.AuditAsync(caller, AuditActions.Read, "sen-audit-report", id.ToString(), null, audit.SchoolId);
        var dto = await DtoAsync(db, caller, audit, ct);
        var borough = await db.Boroughs.AsNoTracking().Where(b => b.Id == audit.BoroughId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        return (SenAuditReportPdf.For(dto, borough ?? audit.BoroughId).ToPdf(), $"sen-audit-{audit.SchoolId}-{audit.AuditOn:yyyy-MM-dd}.pdf");
    }

    /// <summary>The borough's audits and every school's summary.</summary>
    public async Task<BoroughAuditsDto> ForBoroughAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "sen-audits", boroughId, null, null);
        var audits = await db.SenAudits.AsNoTracking().Where(a => a.BoroughId == boroughId)
            .OrderByDescending(a => a.AuditOn ?? DateOnly.MaxValue).ThenByDescending(a => a.CreatedAt).ToListAsync(ct);
        var list = new List<SenAuditDto>(audits.Count);
        foreach (var a in audits) list.Add(await DtoAsync(db, caller, a, ct));
        return new BoroughAuditsDto(boroughId, await SummariesCoreAsync(db, boroughId, ct), list);
    }

    /// <summary>Per school of the borough: its last audit, when the next is due, the current audit's status (the LA landing page's).</summary>
    public async Task<IReadOnlyList<SchoolAuditSummary>> SummariesAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "sen-audits", boroughId, null, null);
        return await SummariesCoreAsync(db, boroughId, ct);
    }

    /// <summary>The school's own audits, for its leaders.</summary>
    public async Task<IReadOnlyList<SenAuditDto>> ForSchoolAsync(Caller caller, string schoolId, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "see the school's SEN audits", SchoolReaders);
        await using var db = await factory.CreateDbContextAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "sen-audits", schoolId, null, schoolId);
        var audits = await db.SenAudits.AsNoTracking().Where(a => a.SchoolId == schoolId).OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        var list = new List<SenAuditDto>(audits.Count);
        foreach (var a in audits) list.Add(await DtoAsync(db, caller, a, ct));
        return list;
    }

    /// <summary>The audits whose team the caller is on (as the LA officer or the visiting SENCo), the latest first.</summary>
    public async Task<IReadOnlyList<SenAuditDto>> MineAsync(Caller caller, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "see SEN audits", Capabilities.Of(Capabilities.ReadSenAudits));
        await using var db = await factory.CreateDbContextAsync(ct);
        var me = caller.UserId ?? "";
        var audits = await db.SenAudits.AsNoTracking().Where(a => a.OfficerId == me || a.VisitingSencoId == me)
            .OrderByDescending(a => a.AuditOn).ToListAsync(ct);
        await guard.AuditAsync(caller, AuditActions.Read, "sen-audits", "team", null, null);
        var list = new List<SenAuditDto>(audits.Count);
        foreach (var a in audits) list.Add(await DtoAsync(db, caller, a, ct));
        return list;
    }

    /// <summary>Who may be on the borough's audit teams: its LA officers, and the SENCos of its schools (each with their school).</summary>
    public async Task<TeamCandidatesDto> TeamCandidatesAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        await guard.RequireRoleAsync(caller, "run SEN audits", Capabilities.Of(Capabilities.RunSenAudits));
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where (r.Name == StaffRoles.LaOfficer && u.BoroughId == boroughId)
                || (r.Name == StaffRoles.Senco && db.Schools.Any(s => s.Id == u.SchoolId && s.BoroughId == boroughId))
            select new { u.Id, u.DisplayName, u.UserName, Role = r.Name, u.SchoolId }).ToListAsync(ct);
        AuditMemberDto Member(string id, string display, string? user, string? school) =>
            new(id, string.IsNullOrWhiteSpace(display) ? user ?? "" : display, school);
        return new TeamCandidatesDto(
            rows.Where(r => r.Role == StaffRoles.LaOfficer).Select(r => Member(r.Id, r.DisplayName, r.UserName, null))
                .OrderBy(m => m.Name, StringComparer.Ordinal).ToList(),
            rows.Where(r => r.Role == StaffRoles.Senco).Select(r => Member(r.Id, r.DisplayName, r.UserName, r.SchoolId))
                .OrderBy(m => m.SchoolId, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal).ToList());
    }

    internal static IReadOnlyList<string> SchoolReaders => [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Administrator];

    /// <summary>When the school's next audit is due: two years after its last audit day, or after it joined the service.</summary>
    public static DateOnly NextDue(School school, DateOnly? lastHeld) =>
        (lastHeld ?? UkTime.DateOf(new DateTimeOffset(school.CreatedAt, TimeSpan.Zero))).AddYears(YearsBetween);

    /// <summary>
    /// The day of each school's last audit that was held (its feedback given), in one query: of a borough's schools, or of
    /// every school when <paramref name="boroughId"/> is null. A school with none held is not in it.
    /// </summary>
    public static Task<Dictionary<string, DateOnly?>> LastHeldBySchoolAsync(SendWorkflowDbContext db, string? boroughId,
        CancellationToken ct) =>
        db.SenAudits.AsNoTracking()
            .Where(a => a.FeedbackAt != null && (boroughId == null || db.Schools.Any(s => s.Id == a.SchoolId && s.BoroughId == boroughId)))
            .GroupBy(a => a.SchoolId).Select(g => new { SchoolId = g.Key, On = g.Max(a => a.AuditOn) })
            .ToDictionaryAsync(x => x.SchoolId, x => x.On, StringComparer.Ordinal, ct);

    /// <summary>The school's audit whose workflow still runs, if any.</summary>
    public static Task<SenAuditRecord?> CurrentAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct) =>
        db.SenAudits.AsNoTracking()
            .Where(a => a.SchoolId == schoolId && db.Instances.Any(i => i.Id == a.InstanceId && i.Status == InstanceStatus.Active))
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>The school's pupils on the pathway at the stages the audit draws from, with their state and stage.</summary>
    internal static async Task<List<(string PupilId, string State, int? Stage)>> RegisterAsync(SendWorkflowDbContext db, string schoolId,
        CancellationToken ct)
    {
        var states = AuditSampler.States.ToList();
        var rows = await (
            from p in db.Pupils.AsNoTracking()
            where p.SchoolId == schoolId
            join i in db.Instances.AsNoTracking() on p.Id equals i.SubjectId
            where i.DefinitionId == Pathway && i.Status == InstanceStatus.Active && states.Contains(i.State)
            select new { p.Id, i.State, i.Stage }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.State, r.Stage)).ToList();
    }

    /// <summary>The pathway's state names, as its published version has them.</summary>
    internal async Task<IReadOnlyDictionary<string, string>> StateNamesAsync(CancellationToken ct) =>
        (await catalog.GetPublishedAsync(Pathway, ct)).Definition.States.ToDictionary(s => s.Id, s => s.Name);

    internal async Task<SenAuditDto> DtoAsync(SendWorkflowDbContext db, Caller caller, SenAuditRecord a, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == a.SchoolId, ct);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == a.InstanceId, ct);
        var state = instance?.State ?? "";
        var officer = await AuditTeam.FindAsync(db, a.OfficerId, ct);
        var senco = await AuditTeam.FindAsync(db, a.VisitingSencoId, ct);
        // The visiting SENCo sees who was drawn on the day they may read their records, and not before or after.
        var hidden = !caller.IsAdministrator && caller.UserId == a.VisitingSencoId && a.AuditOn != Today;
        var names = await StateNamesAsync(ct);
        var sample = hidden
            ? []
            : await (from s in db.SenAuditSamples.AsNoTracking()
                     where s.AuditId == a.Id
                     join p in db.Pupils.AsNoTracking() on s.PupilId equals p.Id
                     orderby s.Position
                     select new { s.PupilId, p.Name, s.State, s.Stage }).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == a.InstanceId && t.Status == WorkTaskStatus.Open)
            .OrderBy(t => t.DueOn).Select(t => new AuditTaskDto(t.Id, t.Title, t.Role, t.DueOn)).ToListAsync(ct);
        return new SenAuditDto(a.Id, a.BoroughId, a.SchoolId, school.Name, StatusOf(a, state), state, a.InstanceId, a.ScheduledHow, a.AuditOn,
            officer is null ? null : new AuditMemberDto(officer.Id, officer.Name, null),
            senco is null ? null : new AuditMemberDto(senco.Id, senco.Name, senco.SchoolId),
            a.Seed, a.DrawnAt is { } drawn ? new DateTimeOffset(drawn, TimeSpan.Zero) : null, a.DrawnBy,
            sample.Select(s => new AuditPupilDto(s.PupilId, s.Name, s.State, s.Stage, names.GetValueOrDefault(s.State, s.State))).ToList(),
            hidden && a.DrawnAt is not null,
            (a.SampleWarnings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
            a.VerbalFeedback, a.ProvisionNotes, a.BudgetNotes, a.FeedbackAt is { } f ? new DateTimeOffset(f, TimeSpan.Zero) : null, a.FeedbackBy,
            a.Findings, JsonSerializer.Deserialize<List<SuggestedAction>>(a.ReportActions, Json) ?? [], a.ReportedOn, a.ReportedBy, tasks);
    }

    // The workflow's state says how far the audit has got once the report is out (the follow-up runs on the calendar).
    private static string StatusOf(SenAuditRecord a, string state) => state switch
    {
        "follow-up" => "follow-up due",
        "closed" => SenAuditStatuses.FollowedUp,
        _ => a.Status,
    };

    private async Task<IReadOnlyList<SchoolAuditSummary>> SummariesCoreAsync(SendWorkflowDbContext db, string boroughId, CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId).OrderBy(s => s.Name).ToListAsync(ct);
        var list = new List<SchoolAuditSummary>(schools.Count);
        var lastHeld = await LastHeldBySchoolAsync(db, boroughId, ct);
        foreach (var school in schools)
        {
            var last = lastHeld.GetValueOrDefault(school.Id);
            var next = NextDue(school, last);
            var current = await CurrentAsync(db, school.Id, ct);
            var state = current is null ? null : await db.Instances.AsNoTracking().Where(i => i.Id == current.InstanceId)
                .Select(i => i.State).FirstOrDefaultAsync(ct);
            var pending = current is not null && SenAuditStatuses.Pending.Contains(current.Status);
            list.Add(new SchoolAuditSummary(school.Id, school.Name, last, next, next < Today && (current is null || pending),
                current?.Id, current is null ? null : StatusOf(current, state ?? ""), current?.AuditOn));
        }
        return list;
    }

    // An audit the caller may read: the borough's officers, the school's leaders, the visiting SENCo on its team; else 404, audited.
    private async Task<SenAuditRecord> RequireReadAsync(SendWorkflowDbContext db, Caller caller, Guid id, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "see SEN audits", Capabilities.Of(Capabilities.ReadSenAudits));
        var audit = await db.SenAudits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is not null && (caller.IsAdministrator
            || (caller.Role == StaffRoles.LaOfficer && caller.BoroughId == audit.BoroughId)
            || (caller.Is(SchoolReaders) && caller.SchoolId == audit.SchoolId)
            || (caller.Role == StaffRoles.Senco && caller.UserId == audit.VisitingSencoId)))
        {
            return audit;
        }
        await guard.AuditAsync(caller, AuditActions.Denied, "sen-audit", id.ToString(), null, audit?.SchoolId, 404);
        throw new NotFoundException($"There is no SEN audit '{id}'.");
    }
}
