using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Api;
using SendWorkflow.Host.Persistence;
using SendWorkflow.Host.Security;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Host.Workspace;

/// <summary>
/// The SENCo's school views (the SEN register, overdue reviews; each also as CSV) and the figures a governor sees:
/// counts, never names.
/// </summary>
public static class SchoolViewsApi
{
    private const string Pathway = "send-pathway";

    public static IEndpointRouteBuilder MapSchoolViewsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/schools/{schoolId}").WithTags("School");
        g.MapGet("/figures", Figures);
        g.MapGet("/sen-register", async (string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok(await RegisterAsync(schoolId, db, scope, time, ct)));
        g.MapGet("/sen-register.csv", async (string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct) =>
            TypedResults.Text(Csv.Write(
                ["pupil_id", "name", "year", "class", "stage", "stage_name", "since", "census_code", "primary_need"],
                (await RegisterAsync(schoolId, db, scope, time, ct)).Select(r => new object?[]
                    { r.PupilId, r.Name, r.YearGroup, r.ClassName, r.Stage, r.StageName, r.Since, r.CensusCode, r.PrimaryNeed })),
                "text/csv; charset=utf-8"));
        g.MapGet("/overdue-reviews", async (string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok(await OverdueAsync(schoolId, db, scope, time, ct)));
        g.MapGet("/overdue-reviews.csv", async (string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct) =>
            TypedResults.Text(Csv.Write(
                ["pupil_id", "name", "class", "review", "role", "due", "days_overdue"],
                (await OverdueAsync(schoolId, db, scope, time, ct)).Select(r => new object?[]
                    { r.PupilId, r.Name, r.ClassName, r.Title, r.Role, r.DueOn, r.DaysOverdue })),
                "text/csv; charset=utf-8"));
        return api;
    }

    /// <summary>The school's own SENCo, headteacher (and governor, for figures) or an administrator.</summary>
    internal static void RequireSchool(StaffScope scope, string schoolId, bool figuresOnly)
    {
        string[] roles = figuresOnly
            ? [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Governor, StaffRoles.Administrator]
            : [StaffRoles.Senco, StaffRoles.Headteacher, StaffRoles.Administrator];
        scope.RequireRole(figuresOnly ? "see the school's figures" : "see the school's SEN register", roles);
        if (!scope.IsAdministrator && scope.SchoolId != schoolId)
        {
            scope.Audit(AuditActions.Denied, "school", schoolId, null, schoolId, 404);
            throw new NotFoundException($"There is no school '{schoolId}'.");
        }
    }

    private static async Task<IResult> Figures(string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct)
    {
        RequireSchool(scope, schoolId, figuresOnly: true);
        return TypedResults.Ok(await FiguresAsync(db, schoolId, UkTime.DateOf(time.GetUtcNow()), ct));
    }

    /// <summary>The school's figures; the caller has checked the user may see them.</summary>
    internal static async Task<SchoolFigures> FiguresAsync(SendWorkflowDbContext db, string schoolId, DateOnly today, CancellationToken ct)
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

    /// <summary>Every pupil on the pathway with their stage and census code: K for SEN support (stages 3 to 5), E for an EHC plan.</summary>
    private static async Task<IReadOnlyList<SenRegisterRow>> RegisterAsync(string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct)
    {
        RequireSchool(scope, schoolId, figuresOnly: false);
        var rows = await RegisterRowsAsync(db, schoolId, ct);
        scope.Audit(AuditActions.Read, "sen-register", schoolId, null, schoolId);
        return rows;
    }

    /// <summary>The register's rows; the caller has checked the user may see them, and audits the look.</summary>
    internal static async Task<IReadOnlyList<SenRegisterRow>> RegisterRowsAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct)
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

    private static async Task<IReadOnlyList<OverdueReviewRow>> OverdueAsync(string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct)
    {
        RequireSchool(scope, schoolId, figuresOnly: false);
        var rows = await OverdueRowsAsync(db, schoolId, UkTime.DateOf(time.GetUtcNow()), ct);
        scope.Audit(AuditActions.Read, "overdue-reviews", schoolId, null, schoolId);
        return rows;
    }

    /// <summary>The overdue reviews' rows; the caller has checked the user may see them, and audits the look.</summary>
    internal static async Task<IReadOnlyList<OverdueReviewRow>> OverdueRowsAsync(SendWorkflowDbContext db, string schoolId, DateOnly today, CancellationToken ct)
    {
        var rows = await (
            from t in db.Tasks.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on t.PupilId equals p.Id
            where t.SchoolId == schoolId && t.Status == WorkTaskStatus.Open && t.Kind == "review" && t.DueOn < today
            orderby t.DueOn
            select new { t.Id, p.Name, p.ClassName, t.PupilId, t.Title, t.Role, t.DueOn }).ToListAsync(ct);
        return rows.Select(r => new OverdueReviewRow(r.Id, r.PupilId, r.Name, r.ClassName, r.Title, r.Role, r.DueOn, today.DayNumber - r.DueOn.DayNumber)).ToList();
    }

    /// <summary>The school census's SEN provision code: N no special provision, K SEN support, E an EHC plan.</summary>
    public static string CensusCode(int? stage) => stage switch { 6 => "E", >= 3 and <= 5 => "K", _ => "N" };

    internal static string StageName(int? stage, string state) => stage switch
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
