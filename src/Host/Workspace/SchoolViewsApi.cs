using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Api;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Host.Security;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Runtime;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Workspace;

/// <summary>
/// The SENCo's school views (the SEN register, overdue reviews; each also as CSV) and the figures a governor sees:
/// counts, never names.
/// </summary>
public static class SchoolViewsApi
{
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
        return TypedResults.Ok(await SchoolViews.FiguresAsync(db, schoolId, UkTime.DateOf(time.GetUtcNow()), ct));
    }

    /// <summary>Every pupil on the pathway with their stage and census code: K for SEN support (stages 3 to 5), E for an EHC plan.</summary>
    private static async Task<IReadOnlyList<SenRegisterRow>> RegisterAsync(string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct)
    {
        RequireSchool(scope, schoolId, figuresOnly: false);
        var rows = await SchoolViews.RegisterRowsAsync(db, schoolId, ct);
        scope.Audit(AuditActions.Read, "sen-register", schoolId, null, schoolId);
        return rows;
    }

    private static async Task<IReadOnlyList<OverdueReviewRow>> OverdueAsync(string schoolId, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct)
    {
        RequireSchool(scope, schoolId, figuresOnly: false);
        var rows = await SchoolViews.OverdueRowsAsync(db, schoolId, UkTime.DateOf(time.GetUtcNow()), ct);
        scope.Audit(AuditActions.Read, "overdue-reviews", schoolId, null, schoolId);
        return rows;
    }
}
