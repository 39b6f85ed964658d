using SendWorkflow.Send.Programmes;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Reports.SenInformation;

/// <summary>
/// Reads the report's figures from the school's data: the register by primary need and stage (the pathway's active
/// instances), the interventions running in the year, the meetings with parents held in it and the CPD audit's training
/// needs. Counts only: nothing here reads a pupil's name.
/// </summary>
internal static class SenInformationFigureReader
{
    private const string Pathway = "send-pathway";
    private const string NotRecorded = "Not recorded yet";

    private static readonly (string Group, string Stages, int From, int To)[] StageGroups =
    [
        ("Monitored: a concern being looked into (not on the register)", "1-2", 1, 2),
        ("SEN support", "3-4", 3, 4),
        ("SEN support, EHC needs assessment under way", "5", 5, 5),
        ("Education, health and care plan", "6", 6, 6),
    ];

    public static async Task<SenInformationFigures> ReadAsync(SendWorkflowDbContext db, string schoolId, AcademicYear year,
        IReadOnlyList<string> trainingNeeds, CancellationToken ct)
    {
        var pupils = await (
            from i in db.Instances.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on i.SubjectId equals p.Id
            where i.SchoolId == schoolId && i.DefinitionId == Pathway && i.Status == InstanceStatus.Active && i.Stage != null
            select new { p.Id, p.PrimaryNeed, Stage = i.Stage!.Value }).ToListAsync(ct);
        // A pupil counts once, at their highest stage, should they have more than one pathway running.
        var stages = pupils.GroupBy(p => p.Id).Select(g => g.MaxBy(p => p.Stage)!).ToList();
        var register = stages.Where(p => p.Stage >= 3).ToList();
        var byNeed = register.GroupBy(p => p.PrimaryNeed)
            .Select(g => new NeedCount(g.Key, g.Key is { } code ? CensusNeeds.All.GetValueOrDefault(code, code) : NotRecorded, g.Count()))
            .OrderByDescending(n => n.Pupils).ThenBy(n => n.Code is null).ThenBy(n => n.Need, StringComparer.Ordinal).ToList();
        var byStage = StageGroups.Select(s => new StageCount(s.Group, s.Stages, stages.Count(p => p.Stage >= s.From && p.Stage <= s.To)))
            .ToList();
        var (meetings, met) = await ParentMeetingsAsync(db, schoolId, year, ct);
        var provision = await ProvisionAsync(db, schoolId, year, ct);
        return new SenInformationFigures(register.Count, stages.Count(p => p.Stage <= 2), byNeed, byStage, provision, trainingNeeds, meetings, met);
    }

    // Interventions running at any time in the year, by name, with how many pupils each reaches.
    private static async Task<IReadOnlyList<ProvisionCount>> ProvisionAsync(SendWorkflowDbContext db, string schoolId, AcademicYear year,
        CancellationToken ct)
    {
        var rows = await db.Provisions.AsNoTracking()
            .Where(p => p.SchoolId == schoolId && p.StartsOn <= year.Last && (p.EndsOn == null || p.EndsOn >= year.First))
            .Select(p => new { p.Intervention, p.PupilId }).ToListAsync(ct);
        return rows.GroupBy(r => r.Intervention.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new ProvisionCount(g.First().Intervention.Trim(), g.Select(r => r.PupilId).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(p => p.Pupils).ThenBy(p => p.Provision, StringComparer.OrdinalIgnoreCase).ToList();
    }

    // Meetings with parents held in the year: completed tasks whose form is the parent meeting's, about a pupil.
    private static async Task<(int Meetings, int Pupils)> ParentMeetingsAsync(SendWorkflowDbContext db, string schoolId, AcademicYear year,
        CancellationToken ct)
    {
        var (from, to) = (UkTime.StartOf(year.First).UtcDateTime, UkTime.StartOf(year.Last.AddDays(1)).UtcDateTime);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.SchoolId == schoolId && t.Status == WorkTaskStatus.Completed
                && (t.Form == TaskForms.ParentMeeting || t.DefinitionTaskId == TaskForms.ParentMeetingTask)
                && t.CompletedAt >= from && t.CompletedAt < to)
            .ToListAsync(ct);
        var held = tasks.Where(t => TaskForms.IsParentMeeting(t) && !SchoolSubject.Is(t.SubjectId)).ToList();
        return (held.Count, held.Select(t => t.SubjectId).Distinct(StringComparer.Ordinal).Count());
    }
}
