using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Send.Workspace;

/// <summary>
/// The school's views: the SEN register, overdue reviews and provision map for the SENCo and headteacher, and the
/// figures a governor sees (counts, never names). The caller has checked the user may see the school, and audits the look.
/// </summary>
public static class SchoolViews
{
    private const string Pathway = "send-pathway";

    /// <summary>The school's figures; the caller has checked the user may see them.</summary>
    public static async Task<SchoolFigures> FiguresAsync(SendWorkflowDbContext db, string schoolId, DateOnly today, CancellationToken ct)
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

    /// <summary>The register's rows; the caller has checked the user may see them, and audits the look.</summary>
    public static async Task<IReadOnlyList<SenRegisterRow>> RegisterRowsAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct)
    {
        var rows = await (
            from i in db.Instances.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on i.PupilId equals p.Id
            where i.SchoolId == schoolId && i.DefinitionId == Pathway && i.Status == InstanceStatus.Active
            orderby p.YearGroup, p.Name
            select new { p.Id, p.Name, p.YearGroup, p.ClassName, p.PrimaryNeed, i.Stage, i.State, i.EnteredStateAt }).ToListAsync(ct);
        return rows.Select(r => new SenRegisterRow(r.Id, r.Name, r.YearGroup, r.ClassName, r.Stage, StageName(r.Stage, r.State),
            UkTime.DateOf(new DateTimeOffset(r.EnteredStateAt, TimeSpan.Zero)), CensusCode(r.Stage), r.PrimaryNeed)).ToList();
    }

    /// <summary>The overdue reviews' rows; the caller has checked the user may see them, and audits the look.</summary>
    public static async Task<IReadOnlyList<OverdueReviewRow>> OverdueRowsAsync(SendWorkflowDbContext db, string schoolId, DateOnly today, CancellationToken ct)
    {
        var rows = await (
            from t in db.Tasks.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on t.PupilId equals p.Id
            where t.SchoolId == schoolId && t.Status == WorkTaskStatus.Open && t.Kind == "review" && t.DueOn < today
            orderby t.DueOn
            select new { t.Id, p.Name, p.ClassName, t.PupilId, t.Title, t.Role, t.DueOn }).ToListAsync(ct);
        return rows.Select(r => new OverdueReviewRow(r.Id, r.PupilId, r.Name, r.ClassName, r.Title, r.Role, r.DueOn, today.DayNumber - r.DueOn.DayNumber)).ToList();
    }

    /// <summary>The school's provision map; the caller has checked the user may see it, and audits the look.</summary>
    public static async Task<List<(ProvisionDto Provision, string Name, string? ClassName)>> ProvisionMapRowsAsync(
        SendWorkflowDbContext db, string schoolId, CancellationToken ct)
    {
        var rows = await (from p in db.Provisions.AsNoTracking()
                          join pupil in db.Pupils.AsNoTracking() on p.PupilId equals pupil.Id
                          where p.SchoolId == schoolId
                          orderby pupil.YearGroup, pupil.Name, p.StartsOn
                          select new { p, pupil.Name, pupil.ClassName }).ToListAsync(ct);
        return rows.Select(r => (PupilRecords.ToDto(r.p), r.Name, (string?)r.ClassName)).ToList();
    }

    /// <summary>The school census's SEN provision code: N no special provision, K SEN support, E an EHC plan.</summary>
    public static string CensusCode(int? stage) => stage switch { 6 => "E", >= 3 and <= 5 => "K", _ => "N" };

    public static string StageName(int? stage, string state) => stage switch
    {
        1 => "Cause of concern",
        2 => "Initial concern",
        3 => "SEN support",
        4 => "SEN support with outside agencies",
        5 => "Statutory assessment",
        6 => "EHC plan",
        _ => state,
    };
}
