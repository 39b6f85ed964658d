using SendWorkflow.Send.Calendars;

namespace SendWorkflow.Send.Funding;

/// <summary>
/// SEN funding in two stages (issue 14, seed 001 "Financial Monitoring"): at the start of the financial year the borough
/// records each school's initial allocation (the notional SEN budget and top-up per EHC plan); the school sends a budget
/// plan and, at the year's end, an outturn that its costed provision map fills; the borough's report sets allocation
/// against spending per school. The API and the Studio's pages both come here; every look and change is audited.
/// </summary>
public sealed class SenFunding(IDbContextFactory<SendWorkflowDbContext> factory, CalendarRegistry calendars, AccessGuard guard, TimeProvider time)
{
    private const string Resource = "sen-funding";

    /// <summary>Records (or replaces) a school's allocation for the year: the borough's LA officer or an administrator.</summary>
    public async Task<AllocationDto> RecordAllocationAsync(Caller caller, string boroughId, string schoolId, string? year,
        SaveAllocationRequest body, CancellationToken ct)
    {
        await RequireBoroughAsync(caller, boroughId, "record SEN allocations");
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct)
            ?? throw new NotFoundException($"There is no school '{schoolId}'.");
        var problems = new ProblemCollector();
        FundingChecks.Year(problems, year, out var fy);
        problems.Check(school.BoroughId == boroughId, "schoolId", $"'{schoolId}' is a school of another borough, not of '{boroughId}'.");
        FundingChecks.Allocation(problems, body);
        problems.ThrowIfAny();

        var key = fy.ToString();
        var lines = (body.TopUp ?? []).Select(t => new FundingLines.StoredTopUp(
            string.IsNullOrWhiteSpace(t!.Description) ? "Top-up" : t.Description.Trim(), t.Plans!.Value, Money.ToPence(t.Rate!.Value))).ToList();
        var row = await db.SenAllocations.FirstOrDefaultAsync(a => a.SchoolId == schoolId && a.FinancialYear == key, ct);
        var now = time.GetUtcNow();
        if (row is null)
        {
            row = new SenAllocation { Id = Guid.CreateVersion7(now), BoroughId = boroughId, SchoolId = schoolId, FinancialYear = key };
            db.SenAllocations.Add(row);
        }
        row.NotionalSenBudgetPence = Money.ToPence(body.NotionalSenBudget!.Value);
        row.TopUpLines = FundingLines.Write(lines);
        row.TopUpPence = lines.Sum(l => l.Plans * l.RatePence);
        row.Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        row.RecordedBy = caller.Actor;
        row.RecordedAt = now.UtcDateTime;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject("sen-allocation", $"{schoolId} {key}", null, schoolId)));
        await SaveAsync(db, "allocation", ct);
        return FundingLines.ToDto(row);
    }

    /// <summary>A school's allocation, plan and outturn for the year: its leaders and SEN governor, its borough's LA officer.</summary>
    public async Task<SchoolFundingDto> SchoolAsync(Caller caller, string schoolId, string? year, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await RequireReaderAsync(db, caller, schoolId, ct);
        var fy = RequireYear(year);
        await guard.AuditAsync(caller, AuditActions.Read, Resource, $"{schoolId} {fy}", null, schoolId);
        return await SchoolAsync(db, school, fy, ct);
    }

    /// <summary>Sends (or sends again) the school's budget plan for a year the borough has allocated.</summary>
    public Task<BudgetReturnDto> SendPlanAsync(Caller caller, string schoolId, string? year, SaveBudgetReturnRequest body, CancellationToken ct) =>
        SendAsync(caller, schoolId, year, SenBudgetReturn.Plan, body, ct);

    /// <summary>
    /// Sends (or sends again) the school's outturn for a year the borough has allocated, from 1 March, the last month of
    /// the financial year, on (409 before).
    /// </summary>
    public Task<BudgetReturnDto> SendOutturnAsync(Caller caller, string schoolId, string? year, SaveBudgetReturnRequest body,
        CancellationToken ct) =>
        SendAsync(caller, schoolId, year, SenBudgetReturn.Outturn, body, ct);

    /// <summary>
    /// The outturn as the costed provision map fills it: each intervention's provisions that ran in the year, staff time
    /// (hours a week at the hourly rate for the school weeks it ran) under "staff", fixed costs under "interventions".
    /// </summary>
    public async Task<OutturnDraftDto> OutturnDraftAsync(Caller caller, string schoolId, string? year, CancellationToken ct)
    {
        await guard.RequireSchoolAsync(caller, schoolId, "prepare the school's SEN outturn", Capabilities.Of(Capabilities.SendSenBudget));
        var fy = RequireYear(year);
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct)
            ?? throw new NotFoundException($"There is no school '{schoolId}'.");
        var calendar = calendars.ForBorough(school.BoroughId);
        var provisions = await db.Provisions.AsNoTracking()
            .Where(p => p.SchoolId == schoolId && p.StartsOn <= fy.Last && (p.EndsOn == null || p.EndsOn >= fy.First)).ToListAsync(ct);
        // A provision costed but costing nothing this year (a fixed cost paid last year) is in neither count.
        var costed = provisions.Where(p => p.CostBasis is not null && ProvisionCosts.CostIn(p, fy, calendar) > 0).ToList();
        var lines = costed
            .GroupBy(p => (Intervention: p.Intervention.Trim().ToUpperInvariant(), Basis: p.CostBasis!))
            .Select(g =>
            {
                var name = g.OrderBy(p => p.StartsOn).First().Intervention.Trim();
                var pupils = g.Select(p => p.PupilId).Distinct().Count();
                var amount = g.Sum(p => ProvisionCosts.CostIn(p, fy, calendar));
                var weeks = g.Key.Basis == ProvisionCosts.Hourly ? g.Sum(p => ProvisionCosts.SchoolDaysIn(p, fy, calendar)) / 5m : 0m;
                return g.Key.Basis == ProvisionCosts.Hourly
                    ? new DraftLine("staff", $"{name}: staff time, {Pupils(pupils)}", Money.ToPounds(amount), name, g.Key.Basis, pupils, weeks)
                    : new DraftLine("interventions", $"{name}: {Pupils(pupils)}", Money.ToPounds(amount), name, g.Key.Basis, pupils, weeks);
            })
            .OrderBy(l => FundingLinesOrder(l.Heading)).ThenBy(l => l.Intervention, StringComparer.OrdinalIgnoreCase).ToList();
        await guard.AuditAsync(caller, AuditActions.Read, "sen-outturn-draft", $"{schoolId} {fy}", null, schoolId);
        return new OutturnDraftDto(schoolId, fy.ToString(), fy.First, fy.Last, lines, lines.Sum(l => l.Amount) + 0.00m,
            costed.Count, provisions.Count(p => p.CostBasis is null));
    }

    /// <summary>
    /// The borough's report for the year: each school's allocation against its plan and its spending, with totals. The
    /// borough's LA officer or an administrator.
    /// </summary>
    public async Task<BoroughFundingDto> BoroughAsync(Caller caller, string boroughId, string? year, CancellationToken ct)
    {
        await RequireBoroughAsync(caller, boroughId, "read the borough's SEN funding");
        var fy = RequireYear(year);
        await using var db = await factory.CreateDbContextAsync(ct);
        var borough = await db.Boroughs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == boroughId, ct)
            ?? throw new NotFoundException($"There is no borough '{boroughId}'.");
        var key = fy.ToString();
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId).ToListAsync(ct);
        var ids = schools.Select(s => s.Id).ToList();
        var allocations = await db.SenAllocations.AsNoTracking().Where(a => ids.Contains(a.SchoolId) && a.FinancialYear == key)
            .ToDictionaryAsync(a => a.SchoolId, ct);
        var returns = await db.SenBudgetReturns.AsNoTracking().Where(r => ids.Contains(r.SchoolId) && r.FinancialYear == key).ToListAsync(ct);
        var rows = schools.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s =>
        {
            var a = allocations.GetValueOrDefault(s.Id);
            var plan = returns.FirstOrDefault(r => r.SchoolId == s.Id && r.Kind == SenBudgetReturn.Plan);
            var outturn = returns.FirstOrDefault(r => r.SchoolId == s.Id && r.Kind == SenBudgetReturn.Outturn);
            return new FundingRow(s.Id, s.Name, Pounds(a?.NotionalSenBudgetPence), Pounds(a?.TopUpPence),
                a is null ? null : FundingLines.TopUps(a.TopUpLines).Sum(t => t.Plans), Pounds(a is null ? null : FundingLines.Total(a)),
                Pounds(plan?.TotalPence), Pounds(outturn?.TotalPence),
                Pounds(a is not null && outturn is not null ? FundingLines.Total(a) - outturn.TotalPence : null),
                outturn is not null ? "outturn sent" : plan is not null ? "plan sent" : a is not null ? "allocated" : "no allocation");
        }).ToList();
        var totals = new FundingTotals(Sum(rows, r => r.Allocation), Sum(rows, r => r.Planned), Sum(rows, r => r.Spent),
            Sum(rows, r => r.Balance), rows.Count, rows.Count(r => r.Allocation is not null), rows.Count(r => r.Planned is not null),
            rows.Count(r => r.Spent is not null));
        await guard.AuditAsync(caller, AuditActions.Read, Resource, $"{boroughId} {key}", null, null);
        return new BoroughFundingDto(boroughId, borough.Name, key, fy.First, fy.Last, rows, totals);
    }

    /// <summary>
    /// Allocation against spending per school in the current financial year, for the LA officer's landing page: the same
    /// figures as <see cref="BoroughAsync"/>, checked and audited the same way.
    /// </summary>
    public Task<BoroughFundingDto> SummaryAsync(Caller caller, string boroughId, CancellationToken ct) =>
        BoroughAsync(caller, boroughId, FinancialYear.Of(UkTime.DateOf(time.GetUtcNow())).ToString(), ct);

    /// <summary>The borough's report as a PDF: the same table, with the borough's name, UK dates and page numbers.</summary>
    public async Task<FundingReportFile> BoroughPdfAsync(Caller caller, string boroughId, string? year, CancellationToken ct)
    {
        var report = await BoroughAsync(caller, boroughId, year, ct);
        return new FundingReportFile($"{boroughId}-sen-funding-{report.FinancialYear}.pdf",
            FundingPdf.For(report, UkTime.DateOf(time.GetUtcNow())).ToPdf());
    }

    /// <summary>The first day a year's outturn may be sent: 1 March, the last month of the financial year.</summary>
    public static DateOnly OutturnFrom(FinancialYear year) => new(year.StartYear + 1, 3, 1);

    private async Task<BudgetReturnDto> SendAsync(Caller caller, string schoolId, string? year, string kind, SaveBudgetReturnRequest body,
        CancellationToken ct)
    {
        var what = kind == SenBudgetReturn.Plan ? "send the school's SEN budget plan" : "send the school's SEN outturn";
        await guard.RequireSchoolAsync(caller, schoolId, what, Capabilities.Of(Capabilities.SendSenBudget));
        await using var db = await factory.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct)
            ?? throw new NotFoundException($"There is no school '{schoolId}'.");
        var problems = new ProblemCollector();
        FundingChecks.Year(problems, year, out var fy);
        var key = fy.ToString();
        if (FinancialYear.TryParse(year, out _))
        {
            problems.Check(await db.SenAllocations.AnyAsync(a => a.SchoolId == schoolId && a.FinancialYear == key, ct), "year",
                $"The borough has recorded no SEN allocation for {school.Name} in {key}: the {kind} follows the allocation.");
        }
        FundingChecks.Lines(problems, body);
        problems.ThrowIfAny();
        var today = UkTime.DateOf(time.GetUtcNow());
        if (kind == SenBudgetReturn.Outturn && today < OutturnFrom(fy))
        {
            throw new ConflictException($"The outturn for {key} can be sent from {UkTime.Format(OutturnFrom(fy))}, "
                + $"as the financial year ends on {UkTime.Format(fy.Last)}.");
        }

        var lines = body.Lines!.Select(l => new FundingLines.StoredLine(l!.Heading!, l.Description!.Trim(), Money.ToPence(l.Amount!.Value)))
            .ToList();
        var row = await db.SenBudgetReturns.FirstOrDefaultAsync(r => r.SchoolId == schoolId && r.FinancialYear == key && r.Kind == kind, ct);
        var now = time.GetUtcNow();
        if (row is null)
        {
            row = new SenBudgetReturn
            {
                Id = Guid.CreateVersion7(now), BoroughId = school.BoroughId, SchoolId = schoolId, FinancialYear = key, Kind = kind,
            };
            db.SenBudgetReturns.Add(row);
        }
        row.Lines = FundingLines.Write(lines);
        row.TotalPence = lines.Sum(l => l.AmountPence);
        row.Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        row.SubmittedBy = caller.Actor;
        row.SubmittedAt = now.UtcDateTime;
        db.Audit.Add(guard.Entry(caller, AuditActions.Change, new AuditSubject($"sen-{kind}", $"{schoolId} {key}", null, schoolId)));
        await SaveAsync(db, kind, ct);
        return FundingLines.ToDto(row);
    }

    private static async Task<SchoolFundingDto> SchoolAsync(SendWorkflowDbContext db, School school, FinancialYear fy, CancellationToken ct)
    {
        var key = fy.ToString();
        var allocation = await db.SenAllocations.AsNoTracking().FirstOrDefaultAsync(a => a.SchoolId == school.Id && a.FinancialYear == key, ct);
        var returns = await db.SenBudgetReturns.AsNoTracking().Where(r => r.SchoolId == school.Id && r.FinancialYear == key).ToListAsync(ct);
        var plan = returns.FirstOrDefault(r => r.Kind == SenBudgetReturn.Plan);
        var outturn = returns.FirstOrDefault(r => r.Kind == SenBudgetReturn.Outturn);
        return new SchoolFundingDto(school.Id, school.Name, key, fy.First, fy.Last,
            allocation is null ? null : FundingLines.ToDto(allocation), plan is null ? null : FundingLines.ToDto(plan),
            outturn is null ? null : FundingLines.ToDto(outturn),
            allocation is not null && outturn is not null ? Money.ToPounds(FundingLines.Total(allocation) - outturn.TotalPence) : null,
            OutturnFrom(fy));
    }

    /// <summary>
    /// The school, if the caller may read its funding: its own leaders and SEN governor, its borough's LA officer, an
    /// administrator (403 for other roles; 404, audited, for a school outside the caller's scope).
    /// </summary>
    private async Task<School> RequireReaderAsync(SendWorkflowDbContext db, Caller caller, string schoolId, CancellationToken ct)
    {
        await guard.RequireRoleAsync(caller, "read the school's SEN funding", [.. Capabilities.Of(Capabilities.SchoolFunding), StaffRoles.LaOfficer]);
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        var visible = school is not null && (caller.IsAdministrator
            || (caller.Role == StaffRoles.LaOfficer ? school.BoroughId == caller.BoroughId : caller.SchoolId == schoolId));
        if (visible) return school!;
        await guard.AuditAsync(caller, AuditActions.Denied, "school", schoolId, null, schoolId, 404);
        throw new NotFoundException($"There is no school '{schoolId}'.");
    }

    /// <summary>The borough's LA officer or an administrator (403 for other roles, 404 for another borough's officer).</summary>
    private async Task RequireBoroughAsync(Caller caller, string boroughId, string what)
    {
        await guard.RequireRoleAsync(caller, what, Capabilities.Of(Capabilities.RecordSenAllocations));
        await guard.RequireBoroughAsync(caller, boroughId);
    }

    private static FinancialYear RequireYear(string? year)
    {
        var problems = new ProblemCollector();
        FundingChecks.Year(problems, year, out var fy);
        problems.ThrowIfAny();
        return fy;
    }

    private static async Task SaveAsync(SendWorkflowDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Someone else saved this {what} at the same moment; open it again to see theirs.");
        }
    }

    private static string Pupils(int n) => n == 1 ? "1 pupil" : $"{n} pupils";

    private static int FundingLinesOrder(string heading) => FundingLines.Headings.ToList().IndexOf(heading);

    private static decimal? Pounds(long? pence) => pence is { } p ? Money.ToPounds(p) : null;

    private static decimal Sum(IEnumerable<FundingRow> rows, Func<FundingRow, decimal?> pick) => rows.Sum(r => pick(r) ?? 0m) + 0.00m;
}
