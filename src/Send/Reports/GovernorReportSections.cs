using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Reports;

/// <summary>The report's sections that are counts of tasks and records; the caller has checked the user may read them.</summary>
internal static class GovernorReportSections
{
    /// <summary>Provision running at some time in the term, by intervention, and how many of them are costed.</summary>
    public static async Task<ProvisionSummary> ProvisionAsync(SendWorkflowDbContext db, ReportWindow w, CancellationToken ct)
    {
        var interventions = await db.Provisions.AsNoTracking()
            .Where(p => p.SchoolId == w.SchoolId && p.StartsOn <= w.AsOf && (p.EndsOn == null || p.EndsOn >= w.Term.From))
            .Select(p => new { p.Intervention, p.CostBasis }).ToListAsync(ct);
        var byIntervention = interventions.GroupBy(i => i.Intervention.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new InterventionCount(g.Key, g.Count())).OrderByDescending(i => i.Count).ThenBy(i => i.Intervention, StringComparer.Ordinal)
            .ToList();
        return new ProvisionSummary(interventions.Count, interventions.Count(i => i.CostBasis != null), byIntervention);
    }

    /// <summary>Pupils' review tasks due in the term: done by the due day, done later, open past it, not yet due.</summary>
    public static async Task<ReviewTimeliness> ReviewsAsync(SendWorkflowDbContext db, ReportWindow w, CancellationToken ct)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.SchoolId == w.SchoolId && t.Kind == "review" && !t.SubjectId.StartsWith(SchoolSubject.Prefix)
                && t.Status != WorkTaskStatus.Cancelled && t.DueOn >= w.Term.From && t.DueOn <= w.Term.To)
            .Select(t => new { t.Status, t.DueOn, t.CompletedAt }).ToListAsync(ct);
        bool DoneBy(DateTime? at, DateOnly due) => at is { } done && UkTime.DateOfUtc(done) <= due;
        var completed = tasks.Where(t => t.Status == WorkTaskStatus.Completed).ToList();
        var open = tasks.Where(t => t.Status == WorkTaskStatus.Open).ToList();
        var onTime = completed.Count(t => DoneBy(t.CompletedAt, t.DueOn));
        var overdue = open.Count(t => t.DueOn < w.Today);
        return new ReviewTimeliness(tasks.Count, onTime, completed.Count - onTime, overdue, open.Count - overdue);
    }

    /// <summary>Meetings with parents held in the term: completed tasks that are parent meetings, as the SENCo's view finds them.</summary>
    public static async Task<int> ParentMeetingsAsync(SendWorkflowDbContext db, ReportWindow w, CancellationToken ct)
    {
        var (from, to) = (UkTime.StartOf(w.Term.From).UtcDateTime, UkTime.StartOf(w.Term.To.AddDays(1)).UtcDateTime);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.SchoolId == w.SchoolId && !t.SubjectId.StartsWith(SchoolSubject.Prefix) && t.Status == WorkTaskStatus.Completed
                && (t.Form == TaskForms.ParentMeeting || t.DefinitionTaskId == TaskForms.ParentMeetingTask)
                && t.CompletedAt >= from && t.CompletedAt < to)
            .ToListAsync(ct);
        return tasks.Count(TaskForms.IsParentMeeting);
    }

    /// <summary>
    /// The school's monitoring programme for the year: its activities due by the term's end, done and outstanding. An
    /// overdue activity's escalation (the SENCo's task to chase it) is not another activity, and the fortnightly
    /// line-management meetings with the teaching assistants have their own view.
    /// </summary>
    public static async Task<ProgrammeActivities> ProgrammeAsync(SendWorkflowDbContext db, ReportWindow w, CancellationToken ct)
    {
        var year = w.Year.ToString();
        var subject = SchoolSubject.Of(w.SchoolId);
        var instances = await db.Programmes.AsNoTracking().Where(p => p.SchoolId == w.SchoolId && p.AcademicYear == year)
            .Select(p => p.InstanceId).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => instances.Contains(t.InstanceId) && t.SubjectId == subject && t.Status != WorkTaskStatus.Cancelled
                && t.Kind != WorkTask.EscalationKind && t.Form != TaskForms.LineManagement && t.DueOn <= w.Term.To)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Title)
            .Select(t => new { t.Title, t.Role, t.DueOn, t.Status }).ToListAsync(ct);
        var done = tasks.Count(t => t.Status == WorkTaskStatus.Completed);
        return new ProgrammeActivities(instances.Count > 0, done, tasks.Count - done,
            tasks.Where(t => t.DueOn >= w.Term.From)
                .Select(t => new ProgrammeActivity(t.Title, t.Role, t.DueOn, t.Status == WorkTaskStatus.Completed)).ToList());
    }

    /// <summary>The year's action plan: how many actions have each status, every status listed.</summary>
    public static async Task<IReadOnlyList<StatusCount>> ActionPlanAsync(SendWorkflowDbContext db, ReportWindow w, CancellationToken ct)
    {
        var year = w.Year.ToString();
        var statuses = await db.ActionPlan.AsNoTracking().Where(a => a.SchoolId == w.SchoolId && a.AcademicYear == year)
            .Select(a => a.Status).ToListAsync(ct);
        return ActionStatuses.All.Select(s => new StatusCount(s, statuses.Count(x => x == s))).ToList();
    }
}
