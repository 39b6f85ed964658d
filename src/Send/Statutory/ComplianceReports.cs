using System.Globalization;
using static SendWorkflow.Send.Statutory.StatutoryMeasures;

namespace SendWorkflow.Send.Statutory;

/// <summary>
/// What an LA officer watches: the assessments still open, and timeliness for a period as the DfE's SEN2 return counts
/// it (including and excluding cases with exceptions). Measured against the law, not the borough's own targets.
/// </summary>
public sealed class ComplianceReports(IDbContextFactory<SendWorkflowDbContext> factory, IDefinitionCatalog catalog, TimeProvider time)
{
    public async Task<IReadOnlyList<OpenAssessmentDto>> OpenAssessmentsAsync(string boroughId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Boroughs.AnyAsync(b => b.Id == boroughId, ct)) throw new NotFoundException($"There is no borough '{boroughId}'.");
        var today = UkTime.DateOf(time.GetUtcNow());
        var open = await (
            from i in db.Instances.AsNoTracking()
            join p in db.Pupils on i.SubjectId equals p.Id
            where i.BoroughId == boroughId && (i.DefinitionId == Assessment || i.DefinitionId == Reassessment)
                && i.Status == InstanceStatus.Active
            orderby i.StartedAt
            select new { i.Id, i.DefinitionId, i.SubjectId, PupilName = p.Name, i.SchoolId, i.State, i.StartedAt, i.Version }).ToListAsync(ct);
        var ids = open.Select(o => o.Id).ToList();
        var timers = (await db.Timers.AsNoTracking().Where(t => ids.Contains(t.InstanceId) && t.Status == TimerStatus.Pending)
                .Select(t => new { t.InstanceId, t.TimerId, t.DueAt }).ToListAsync(ct))
            .ToLookup(t => t.InstanceId);
        var milestones = (await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.InstanceId)).Select(m => new { m.InstanceId, m.Name })
            .ToListAsync(ct))
            .ToLookup(m => m.InstanceId, m => m.Name);
        var exceptions = (await db.StatutoryExceptions.AsNoTracking().Where(x => ids.Contains(x.InstanceId)).Select(x => x.InstanceId)
            .ToListAsync(ct))
            .ToLookup(x => x);

        var result = new List<OpenAssessmentDto>(open.Count);
        foreach (var o in open)
        {
            var definition = await catalog.GetAsync(o.DefinitionId, o.Version, boroughId, ct);
            var requested = UkTime.DateOf(new DateTimeOffset(o.StartedAt, TimeSpan.Zero));
            var next = timers[o.Id].OrderBy(t => t.DueAt).FirstOrDefault();
            var state = definition.States.GetValueOrDefault(o.State);
            var passed = new List<string>();
            if (!milestones[o.Id].Contains(DecisionToAssess) && LawLimit(definition, DecisionToAssessLimit) is { } decide
                && today > requested.AddDays(decide))
            {
                passed.Add($"decision whether to assess, due {UkTime.Format(requested.AddDays(decide))}");
            }
            // Reg 10(1): until the LA decides whether to issue a plan, a notice of not issuing is due by week 16.
            if (!milestones[o.Id].Contains(DecisionToIssue) && milestones[o.Id].Contains(DecisionToAssess)
                && LawLimit(definition, NoPlanNoticeLimit) is { } notice && today > requested.AddDays(notice))
            {
                passed.Add($"notice of not issuing a plan, due {UkTime.Format(requested.AddDays(notice))}");
            }
            if (!milestones[o.Id].Contains(FinalPlan) && LawLimit(definition, FinalPlanLimit) is { } plan && today > requested.AddDays(plan))
                passed.Add($"final plan, due {UkTime.Format(requested.AddDays(plan))}");
            result.Add(new OpenAssessmentDto(
                o.Id, o.SubjectId, o.PupilName, o.SchoolId, o.State, state?.Name ?? o.State, requested,
                (today.DayNumber - requested.DayNumber) / 7,
                next is null ? null : new NextDeadlineDto(next.TimerId, UkTime.DateOf(new DateTimeOffset(next.DueAt, TimeSpan.Zero)),
                    state?.Timers.FirstOrDefault(t => t.Id == next.TimerId)?.Description),
                passed, exceptions[o.Id].Count()) { Reassessment = o.DefinitionId == Reassessment });
        }
        return result;
    }

    /// <summary>Timeliness for the period, one entry per borough (or just the one asked for).</summary>
    public async Task<IReadOnlyList<BoroughComplianceDto>> ComplianceAsync(string? boroughId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        new ProblemCollector()
            .Check(from is not null, "from", "'from' is required (yyyy-MM-dd): the first day of the period.")
            .Check(to is not null, "to", "'to' is required (yyyy-MM-dd): the last day of the period.")
            .Check(from is null || to is null || to >= from, "to", "The period ends before it starts.")
            .Check(from is null || to is null || to.Value.DayNumber - from.Value.DayNumber <= 5 * 366, "to", "A period is at most five years.")
            .ThrowIfAny();
        var (start, end) = (from!.Value, to!.Value);
        await using var db = await factory.CreateDbContextAsync(ct);
        var boroughs = await db.Boroughs.AsNoTracking().Where(b => boroughId == null || b.Id == boroughId).OrderBy(b => b.Id).ToListAsync(ct);
        if (boroughId is not null && boroughs.Count == 0) throw new NotFoundException($"There is no borough '{boroughId}'.");

        var assessment = await LawOfAsync(Assessment, ct);
        var review = await LawOfAsync(AnnualReview, ct);
        var result = new List<BoroughComplianceDto>();
        foreach (var b in boroughs)
        {
            var (startUtc, endUtc) = (UkTime.StartOf(start).UtcDateTime, UkTime.StartOf(end.AddDays(1)).UtcDateTime);
            var requests = await db.Instances.AsNoTracking()
                .CountAsync(i => i.BoroughId == b.Id && i.DefinitionId == Assessment && i.StartedAt >= startUtc && i.StartedAt < endUtc, ct);
            var withExceptions = (await db.StatutoryExceptions.AsNoTracking().Where(x => x.BoroughId == b.Id)
                .Select(x => x.InstanceId).Distinct().ToListAsync(ct)).ToHashSet();

            var cases = await (
                from m in db.Milestones.AsNoTracking()
                join i in db.Instances on m.InstanceId equals i.Id
                where m.BoroughId == b.Id && m.DefinitionId == Assessment && (m.Name == DecisionToAssess || m.Name == FinalPlan)
                      && m.On >= start && m.On <= end
                select new { m.InstanceId, m.Name, m.On, i.StartedAt }).ToListAsync(ct);
            TimelinessDto Measure(string name, string label, double? limitDays) =>
                Timeliness(label, limitDays,
                    cases.Where(c => c.Name == name)
                        .Select(c => (c.InstanceId, Days: c.On.DayNumber - UkTime.DateOf(new DateTimeOffset(c.StartedAt, TimeSpan.Zero)).DayNumber)),
                    withExceptions);

            // An annual-review decision counts from the meeting it follows: the latest meeting on or before it.
            var reviewMilestones = await db.Milestones.AsNoTracking()
                .Where(m =>
                    m.BoroughId == b.Id && m.DefinitionId == AnnualReview && (m.Name == ReviewMeeting || m.Name == ReviewDecision) && m.On <= end)
                .Select(m => new { m.InstanceId, m.Name, m.On, m.Id }).ToListAsync(ct);
            var decisions = reviewMilestones.Where(m => m.Name == ReviewDecision && m.On >= start)
                .Select(d => (d.InstanceId,
                    Meeting: reviewMilestones
                        .Where(m => m.InstanceId == d.InstanceId && m.Name == ReviewMeeting && m.Id < d.Id)
                        .OrderByDescending(m => m.Id)
                        .Select(m => (DateOnly?)m.On)
                        .FirstOrDefault(),
                    d.On))
                .Where(d => d.Meeting is not null)
                .Select(d => (d.InstanceId, Days: d.On.DayNumber - d.Meeting!.Value.DayNumber));

            result.Add(new BoroughComplianceDto(b.Id, b.Name, start, end, requests,
                cases.Select(c => c.InstanceId).Distinct().Count(withExceptions.Contains),
                Measure(DecisionToAssess, "decisions whether to assess", assessment.GetValueOrDefault(DecisionToAssessLimit)),
                Measure(FinalPlan, "new EHC plans issued", assessment.GetValueOrDefault(FinalPlanLimit)),
                // The regulations allow no exceptions to the annual-review limit: both counts are the same.
                Timeliness("annual-review decisions", review.GetValueOrDefault(ReviewDecisionLimit), decisions, [])));
        }
        return result;
    }

    /// <summary>The period's figures as CSV, one row per borough, in the shape of the SEN2 return's timeliness items.</summary>
    public async Task<string> Sen2CsvAsync(string? boroughId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var rows = await ComplianceAsync(boroughId, from, to, ct);
        // SEN2 wants ISO dates and percentages to one decimal place, so those cells are written here as text.
        return Workspace.Csv.Write(
            ["la_code", "la_name", "period_start", "period_end", "requests_received",
             "decisions_to_assess", "decisions_to_assess_within_6_weeks", "decisions_to_assess_within_6_weeks_pct",
             "ehcps_issued_incl_exceptions", "ehcps_issued_within_20_weeks_incl_exceptions", "ehcps_issued_within_20_weeks_incl_exceptions_pct",
             "ehcps_issued_excl_exceptions", "ehcps_issued_within_20_weeks_excl_exceptions", "ehcps_issued_within_20_weeks_excl_exceptions_pct",
             "cases_with_exceptions", "annual_review_decisions", "annual_review_decisions_within_4_weeks",
                 "annual_review_decisions_within_4_weeks_pct"],
            rows.Select(r => new object?[]
            {
                r.BoroughId, r.BoroughName, Date(r.From), Date(r.To), r.RequestsReceived,
                r.DecisionsToAssess.Total, r.DecisionsToAssess.WithinLimit, Pct(r.DecisionsToAssess.Percent),
                r.NewPlans.Total, r.NewPlans.WithinLimit, Pct(r.NewPlans.Percent),
                r.NewPlans.TotalExcludingExceptions, r.NewPlans.WithinLimitExcludingExceptions, Pct(r.NewPlans.PercentExcludingExceptions),
                r.CasesWithExceptions, r.AnnualReviewDecisions.Total, r.AnnualReviewDecisions.WithinLimit, Pct(r.AnnualReviewDecisions.Percent),
            }));
    }

    private static TimelinessDto Timeliness(string label, double? limitDays, IEnumerable<(Guid InstanceId, int Days)> cases,
        HashSet<Guid> withExceptions)
    {
        var list = cases.ToList();
        var limit = limitDays ?? double.PositiveInfinity;
        var within = list.Count(c => c.Days <= limit);
        var excluded = list.Where(c => !withExceptions.Contains(c.InstanceId)).ToList();
        var withinExcluded = excluded.Count(c => c.Days <= limit);
        return new TimelinessDto(label, limitDays is { } d ? $"{d / 7:0.#} weeks" : "no statutory limit",
            list.Count, within, Percent(within, list.Count), excluded.Count, withinExcluded, Percent(withinExcluded, excluded.Count));
    }

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    /// <summary>The statutory limits of the published definition, in days; none when it is not installed.</summary>
    private async Task<Dictionary<string, double>> LawOfAsync(string definitionId, CancellationToken ct)
    {
        try
        {
            var definition = await catalog.GetPublishedAsync(definitionId, ct);
            return definition.Definition.Parameters.Where(p => p.Value.Law?.Max is not null && p.Value.Unit is Units.Weeks or Units.Days)
                .ToDictionary(p => p.Key, p => ToDays(p.Value.Law!.Max!.Value, p.Value.Unit));
        }
        catch (DefinitionNotFoundException)
        {
            return [];
        }
    }

    private static int? LawLimit(CompiledDefinition definition, string parameter) =>
        definition.Definition.Parameters.TryGetValue(parameter, out var p) && p.Law?.Max is { } max ? (int)Math.Ceiling(ToDays(max, p.Unit)) : null;

    private static double ToDays(double amount, string unit) => unit switch
    {
        Units.Weeks => amount * 7,
        Units.Days => amount,
        _ => throw new InvalidOperationException($"A statutory limit in {unit} can't be measured in calendar days."),
    };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Pct(double? p) => p?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
