using SendWorkflow.Send.Workspace;
using static SendWorkflow.Send.Statutory.StatutoryMeasures;

namespace SendWorkflow.Send.AnnualReviews;

/// <summary>
/// The borough's watch on its schools' annual reviews of EHC plans (seed 001, "Monitoring Statements"): every running
/// plan's current review, due, held, report received or late, with the reasons the school notified the LA of the meeting.
/// What happens (the chase of a late report, the LA's attendance) is the annual-review definition's; this only reads it.
/// The LA officer sees their borough's, an administrator any; another borough is answered as if it did not exist.
/// </summary>
public sealed class AnnualReviewMonitor(IDbContextFactory<SendWorkflowDbContext> factory, IDefinitionCatalog catalog, AccessGuard guard,
    TimeProvider time)
{
    // The annual-review definition's states, tasks and milestones this view reads (definitions/workflows/ehcp-annual-review.json).
    private const string PlanInPlace = "plan-in-place";
    private const string HoldReview = "hold-review";
    private const string SendReport = "send-report";
    private const string SendNotices = "send-notices";
    private const string AttendReview = "attend-review";
    private const string ReviewReport = "review-report";
    private const string MajorChange = "yes";

    private static readonly string[] TasksRead = [HoldReview, SendReport, SendNotices, AttendReview];

    /// <summary>The borough's annual reviews, by school then pupil; <paramref name="status"/> late, due, held or all (the default).</summary>
    public async Task<IReadOnlyList<AnnualReviewRow>> ListAsync(Caller caller, string boroughId, string? status, string? schoolId,
        CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        await using var db = await factory.CreateDbContextAsync(ct);
        await CheckAsync(db, boroughId, status, schoolId, ct);
        await guard.AuditAsync(caller, AuditActions.Read, "annual-reviews", boroughId, null, schoolId);
        var rows = await RowsAsync(db, boroughId, schoolId, ct);
        return (status ?? AnnualReviewStatuses.All) switch
        {
            AnnualReviewStatuses.Late => rows.Where(r => r.Late).ToList(),
            AnnualReviewStatuses.Due => rows.Where(r => r.Status == AnnualReviewStatuses.Due).ToList(),
            AnnualReviewStatuses.Held => rows.Where(r => r.Status != AnnualReviewStatuses.Due).ToList(),
            _ => rows,
        };
    }

    /// <summary>The same list as CSV (UK dates; cells that a spreadsheet would run are defused).</summary>
    public async Task<string> CsvAsync(Caller caller, string boroughId, string? status, string? schoolId, CancellationToken ct)
    {
        var rows = await ListAsync(caller, boroughId, status, schoolId, ct);
        return Csv.Write(
            ["School", "Pupil", "Year group", "Looked after", "Status", "Review due", "Held on", "Report expected", "Report received",
             "Late", "Days late", "Why late", "Notified on", "Notified for", "LA attends"],
            rows.Select(r => new object?[]
            {
                r.SchoolName, r.PupilName, r.YearGroup, YesNo(r.LookedAfter), r.Status, r.ReviewDueOn, r.HeldOn, r.ReportExpectedOn,
                r.ReportReceivedOn, YesNo(r.Late), r.Late ? r.DaysLate : null, r.LateBecause, r.NotifiedOn, string.Join("; ", r.NotifiedFor),
                YesNo(r.LaAttends),
            }));
    }

    /// <summary>
    /// Per school of the borough (those with no plan under review too): how many reviews are due, held, with the report
    /// received, and late. For the LA officer's landing page; checked and audited like the list.
    /// </summary>
    public async Task<IReadOnlyList<SchoolAnnualReviewSummary>> SummaryAsync(Caller caller, string boroughId, CancellationToken ct)
    {
        await guard.RequireBoroughAsync(caller, boroughId);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Boroughs.AnyAsync(b => b.Id == boroughId, ct)) throw new NotFoundException($"There is no borough '{boroughId}'.");
        await guard.AuditAsync(caller, AuditActions.Read, "annual-reviews", boroughId, null, null);
        var rows = (await RowsAsync(db, boroughId, null, ct)).ToLookup(r => r.SchoolId);
        var schools = await db.Schools.AsNoTracking().Where(s => s.BoroughId == boroughId).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return schools.Select(s =>
        {
            var of = rows[s.Id].ToList();
            return new SchoolAnnualReviewSummary(s.Id, s.Name, of.Count,
                of.Count(r => r.Status == AnnualReviewStatuses.Due),
                of.Count(r => r.Status != AnnualReviewStatuses.Due),
                of.Count(r => r.Status == AnnualReviewStatuses.Received),
                of.Count(r => r.Late),
                of.Count(r => r.Late && r.Status == AnnualReviewStatuses.Held));
        }).ToList();
    }

    private static async Task CheckAsync(SendWorkflowDbContext db, string boroughId, string? status, string? schoolId, CancellationToken ct)
    {
        if (!await db.Boroughs.AnyAsync(b => b.Id == boroughId, ct)) throw new NotFoundException($"There is no borough '{boroughId}'.");
        var school = schoolId is null || await db.Schools.AnyAsync(s => s.Id == schoolId && s.BoroughId == boroughId, ct);
        new ProblemCollector()
            .Check(status is null || AnnualReviewStatuses.Filters.Contains(status), "status",
                $"'status' must be one of {string.Join(", ", AnnualReviewStatuses.Filters)}, not '{status}'.")
            .Check(school, "schoolId", $"There is no school '{schoolId}' in this borough.")
            .ThrowIfAny();
    }

    private async Task<List<AnnualReviewRow>> RowsAsync(SendWorkflowDbContext db, string boroughId, string? schoolId, CancellationToken ct)
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        var running =
            from i in db.Instances.AsNoTracking()
            where i.BoroughId == boroughId && i.DefinitionId == AnnualReview && i.Status == InstanceStatus.Active
                  && (schoolId == null || i.SchoolId == schoolId)
            select i;
        var plans = await (
            from i in running
            join p in db.Pupils on i.SubjectId equals p.Id
            join s in db.Schools on i.SchoolId equals s.Id
            orderby s.Name, p.Name
            select new { i.Id, i.State, i.Version, PupilId = p.Id, p.Name, p.YearGroup, p.LookedAfter, i.SchoolId, SchoolName = s.Name })
            .ToListAsync(ct);
        var tasks = (await (
                from t in db.Tasks.AsNoTracking()
                join i in running on t.InstanceId equals i.Id
                where TasksRead.Contains(t.DefinitionTaskId)
                select new CycleTask(t.InstanceId, t.DefinitionTaskId, t.DueOn, t.Status, t.CreatedAt, t.CompletedAt, t.Outcome))
            .ToListAsync(ct)).ToLookup(t => t.InstanceId);
        var milestones = (await (
                from m in db.Milestones.AsNoTracking()
                join i in running on m.InstanceId equals i.Id
                where m.Name == ReviewMeeting || m.Name == ReviewReport
                select new { m.InstanceId, m.Id, m.Name, m.On, m.RecordedAt })
            .ToListAsync(ct)).ToLookup(m => m.InstanceId);

        var stateNames = new Dictionary<(int, string), string>();
        var rows = new List<AnnualReviewRow>(plans.Count);
        foreach (var plan in plans)
        {
            if (!stateNames.TryGetValue((plan.Version, plan.State), out var stateName))
            {
                var definition = await catalog.GetAsync(AnnualReview, plan.Version, boroughId, ct);
                stateName = stateNames[(plan.Version, plan.State)] = definition.States.GetValueOrDefault(plan.State)?.Name ?? plan.State;
            }
            var own = tasks[plan.Id].OrderBy(t => t.CreatedAt).ToList();
            var meeting = plan.State == PlanInPlace
                ? null
                : milestones[plan.Id].Where(m => m.Name == ReviewMeeting).MaxBy(m => m.Id);
            // The cycle begins with its hold-review task: the one open now, or the one the meeting answered.
            var hold = own.LastOrDefault(t => t.Task == HoldReview && (meeting is null || t.CreatedAt <= meeting.RecordedAt));
            var from = hold?.CreatedAt ?? DateTime.MinValue;
            var until = meeting?.RecordedAt ?? DateTime.MaxValue;
            var notices = own.LastOrDefault(t => t.Task == SendNotices && t.CreatedAt >= from && t.CreatedAt <= until);
            var attends = own.Any(t => t.Task == AttendReview && t.CreatedAt >= from && t.CreatedAt <= until);
            var report = meeting is null ? null : own.LastOrDefault(t => t.Task == SendReport && t.CreatedAt >= meeting.RecordedAt);
            var received = meeting is null
                ? null
                : milestones[plan.Id].Where(m => m.Name == ReviewReport && m.RecordedAt >= meeting.RecordedAt).MaxBy(m => m.Id)?.On
                  ?? (report is { Status: WorkTaskStatus.Completed, CompletedAt: { } done } ? UkTime.DateOfUtc(done) : null);

            var status = meeting is null ? AnnualReviewStatuses.Due : received is null ? AnnualReviewStatuses.Held : AnnualReviewStatuses.Received;
            var (lateFrom, because) = (status, hold, report) switch
            {
                (AnnualReviewStatuses.Due, { } h, _) when h.DueOn < today => (h.DueOn, $"the meeting was due by {UkTime.Format(h.DueOn)}"),
                (AnnualReviewStatuses.Held, _, { } r) when r.DueOn < today => (r.DueOn, $"the report was expected by {UkTime.Format(r.DueOn)}"),
                _ => ((DateOnly?)null, (string?)null),
            };
            var notified = notices is { Status: WorkTaskStatus.Completed, CompletedAt: { } sent } ? UkTime.DateOfUtc(sent) : (DateOnly?)null;
            rows.Add(new AnnualReviewRow(plan.Id, plan.PupilId, plan.Name, plan.YearGroup, plan.LookedAfter, plan.SchoolId, plan.SchoolName,
                plan.State, stateName, status, hold?.DueOn, meeting?.On, report?.DueOn, received,
                lateFrom is not null, lateFrom is { } l ? today.DayNumber - l.DayNumber : 0, because,
                notified, Reasons(plan.LookedAfter, plan.YearGroup, notices?.Outcome == MajorChange), attends));
        }
        return rows;
    }

    /// <summary>Why the borough is told of the meeting and attends it (seed 001): what holds of the pupil and the school's notice.</summary>
    private static List<string> Reasons(bool lookedAfter, int yearGroup, bool majorChange)
    {
        var reasons = new List<string>(3);
        if (lookedAfter) reasons.Add("looked after");
        if (yearGroup is 5 or 9) reasons.Add($"Year {yearGroup}: approaching transfer");
        if (majorChange) reasons.Add("a major change in provision may be asked for");
        return reasons;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private sealed record CycleTask(
        Guid InstanceId, string Task, DateOnly DueOn, WorkTaskStatus Status, DateTime CreatedAt, DateTime? CompletedAt, string? Outcome);
}
