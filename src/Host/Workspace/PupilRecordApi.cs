using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Api;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Host.Security;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Workspace;

/// <summary>The pupil record and the provision map, read and written within the user's scope, every look audited.</summary>
public static class PupilRecordApi
{
    public static IEndpointRouteBuilder MapPupilRecordApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/pupils/{pupilId}/record", async (string pupilId, SendWorkflowDbContext db, StaffScope scope, PupilRecords records, CancellationToken ct) =>
        {
            var pupil = await scope.RequirePupilAsync(db, pupilId, "pupil", null, ct);
            scope.Audit(AuditActions.Read, "pupil-record", pupilId, pupilId, pupil.SchoolId);
            var view = await records.GetAsync(pupil, statutoryOnly: scope.Role == StaffRoles.LaOfficer, ct);
            return TypedResults.Ok(new
            {
                view.PupilId, view.Name, view.YearGroup, view.ClassName, view.PrimaryNeed, view.SchoolId, view.Stage, view.StageName, view.Since,
                view.CensusCode, view.Targets, view.Provisions, view.Upcoming, view.Chronology,
                workflows = view.Workflows.Select(w => new { workflow = w.Workflow, state = w.State, instanceId = w.InstanceId }),
            });
        }).WithTags("Pupil record");
        api.MapPost("/pupils/{pupilId}/provisions", AddProvision).WithTags("Pupil record");
        api.MapPut("/provisions/{id:guid}", UpdateProvision).WithTags("Pupil record");
        api.MapGet("/schools/{schoolId}/provision-map", async (string schoolId, SendWorkflowDbContext db, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await ProvisionMapAsync(schoolId, db, scope, ct))).WithTags("School");
        api.MapGet("/schools/{schoolId}/provision-map.csv", async (string schoolId, SendWorkflowDbContext db, StaffScope scope, CancellationToken ct) =>
            TypedResults.Text(Csv.Write(
                ["pupil_id", "name", "class", "intervention", "entry_criteria", "exit_criteria", "starts", "ends", "delivered_by", "impact"],
                (await ProvisionMapAsync(schoolId, db, scope, ct)).Select(r => new object?[]
                    { r.Provision.PupilId, r.Name, r.ClassName, r.Provision.Intervention, r.Provision.EntryCriteria, r.Provision.ExitCriteria,
                      r.Provision.StartsOn, r.Provision.EndsOn, r.Provision.DeliveredBy, r.Provision.Impact })),
                "text/csv; charset=utf-8")).WithTags("School");
        return api;
    }

    internal static ProblemCollector Check(ProvisionRequest body, bool creating)
    {
        var problems = new ProblemCollector();
        if (creating || body.Intervention is not null) problems.Require(body.Intervention, "intervention");
        if (creating || body.EntryCriteria is not null) problems.Require(body.EntryCriteria, "entryCriteria", 1000);
        if (creating || body.ExitCriteria is not null) problems.Require(body.ExitCriteria, "exitCriteria", 1000);
        if (creating || body.DeliveredBy is not null) problems.Require(body.DeliveredBy, "deliveredBy");
        return problems
            .Check(!creating || body.StartsOn is not null, "startsOn", "'startsOn' is required (yyyy-MM-dd).")
            .Check(body.EndsOn is null || body.StartsOn is null || body.EndsOn >= body.StartsOn, "endsOn", "The provision ends before it starts.")
            .Check(body.Impact is not { Length: > 2000 }, "impact", "'impact' must be at most 2000 characters.");
    }

    private static async Task<IResult> AddProvision(string pupilId, ProvisionRequest body, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct)
    {
        Check(body, creating: true).ThrowIfAny();
        var pupil = await scope.RequirePupilAsync(db, pupilId, "pupil", null, ct);
        scope.RequireRole("change the provision map", StaffRoles.Senco, StaffRoles.ClassTeacher, StaffRoles.Headteacher, StaffRoles.Administrator);
        var row = NewProvision(pupil, body, scope.Actor, time.GetUtcNow());
        db.Provisions.Add(row);
        await db.SaveChangesAsync(ct);
        scope.Audit(AuditActions.Change, "provision", row.Id.ToString(), pupil.Id, pupil.SchoolId, 201);
        return TypedResults.Created($"/api/provisions/{row.Id}", PupilRecords.ToDto(row));
    }

    /// <summary>Records the impact at review, or ends the provision; only the fields given change.</summary>
    private static async Task<IResult> UpdateProvision(Guid id, ProvisionRequest body, SendWorkflowDbContext db, StaffScope scope, TimeProvider time, CancellationToken ct)
    {
        var row = await db.Provisions.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"There is no provision {id}.");
        var pupil = await scope.RequirePupilAsync(db, row.PupilId, "provision", id.ToString(), ct);
        scope.RequireRole("change the provision map", StaffRoles.Senco, StaffRoles.ClassTeacher, StaffRoles.Headteacher, StaffRoles.Administrator);
        Check(body with { StartsOn = body.StartsOn ?? row.StartsOn }, creating: false).ThrowIfAny();
        Apply(row, body, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        scope.Audit(AuditActions.Change, "provision", id.ToString(), pupil.Id, pupil.SchoolId);
        return TypedResults.Ok(PupilRecords.ToDto(row));
    }

    /// <summary>A checked request as a new row of the provision map.</summary>
    internal static ProvisionRecord NewProvision(Pupil pupil, ProvisionRequest body, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), PupilId = pupil.Id, SchoolId = pupil.SchoolId, Intervention = body.Intervention!.Trim(),
        EntryCriteria = body.EntryCriteria!.Trim(), ExitCriteria = body.ExitCriteria!.Trim(), StartsOn = body.StartsOn!.Value, EndsOn = body.EndsOn,
        DeliveredBy = body.DeliveredBy!.Trim(), Impact = body.Impact, CreatedBy = actor, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
    };

    /// <summary>Changes only the fields a checked request gives.</summary>
    internal static void Apply(ProvisionRecord row, ProvisionRequest body, DateTimeOffset now)
    {
        if (body.Intervention is not null) row.Intervention = body.Intervention.Trim();
        if (body.EntryCriteria is not null) row.EntryCriteria = body.EntryCriteria.Trim();
        if (body.ExitCriteria is not null) row.ExitCriteria = body.ExitCriteria.Trim();
        if (body.StartsOn is not null) row.StartsOn = body.StartsOn.Value;
        if (body.EndsOn is not null) row.EndsOn = body.EndsOn;
        if (body.DeliveredBy is not null) row.DeliveredBy = body.DeliveredBy.Trim();
        if (body.Impact is not null) row.Impact = body.Impact;
        row.UpdatedAt = now.UtcDateTime;
    }

    private static async Task<List<(ProvisionDto Provision, string Name, string? ClassName)>> ProvisionMapAsync(
        string schoolId, SendWorkflowDbContext db, StaffScope scope, CancellationToken ct)
    {
        SchoolViewsApi.RequireSchool(scope, schoolId, figuresOnly: false);
        var rows = await SchoolViews.ProvisionMapRowsAsync(db, schoolId, ct);
        scope.Audit(AuditActions.Read, "provision-map", schoolId, null, schoolId);
        return rows;
    }
}
