using SendWorkflow.Send.Ipm;
using SendWorkflow.Send.Transition;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The pupil record, its transition pack, the provision map and its targets: the work is <see cref="PupilRecords"/>',
/// <see cref="TransitionPacks"/>', <see cref="ProvisionMap"/>' and <see cref="IpmTargets"/>'.
/// </summary>
public static class PupilRecordApi
{
    public static IEndpointRouteBuilder MapPupilRecordApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/pupils/{pupilId}/record", async (string pupilId, StaffScope scope, PupilRecords records, CancellationToken ct) =>
        {
            var view = await records.GetAsync(scope.Caller, pupilId, ct);
            return TypedResults.Ok(new
            {
                view.PupilId, view.Name, view.YearGroup, view.ClassName, view.PrimaryNeed, view.SchoolId, view.Stage, view.StageName, view.Since,
                view.CensusCode, view.LookedAfter, view.Targets, view.Provisions, view.Upcoming, view.Chronology,
                workflows = view.Workflows.Select(w => new { workflow = w.Workflow, state = w.State, instanceId = w.InstanceId }),
            });
        }).WithTags("Pupil record");
        api.MapGet("/pupils/{pupilId}/transition-pack.pdf", async (string pupilId, StaffScope scope, TransitionPacks packs,
            CancellationToken ct) => TypedResults.File(await packs.PdfAsync(scope.Caller, pupilId, ct), "application/pdf", "transition-pack.pdf"))
            .WithTags("Pupil record");
        api.MapPost("/pupils/{pupilId}/provisions", async (string pupilId, ProvisionRequest body, ProvisionMap map, StaffScope scope,
            CancellationToken ct) =>
        {
            var added = await map.AddAsync(scope.Caller, pupilId, body, ct);
            return TypedResults.Created($"/api/provisions/{added.Id}", added);
        }).WithTags("Pupil record");
        api.MapPut("/provisions/{id:guid}", async (Guid id, ProvisionRequest body, ProvisionMap map, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await map.UpdateAsync(scope.Caller, id, body, ct))).WithTags("Pupil record");
        api.MapGet("/pupils/{pupilId}/ipm", async (string pupilId, IpmTargets targets, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await targets.GetAsync(scope.Caller, pupilId, ct))).WithTags("Pupil record");
        api.MapPost("/pupils/{pupilId}/targets", async (string pupilId, TargetRequest body, IpmTargets targets, StaffScope scope,
            CancellationToken ct) =>
        {
            var added = await targets.AddAsync(scope.Caller, pupilId, body, ct);
            return TypedResults.Created($"/api/targets/{added.Id}", added);
        }).WithTags("Pupil record");
        api.MapPut("/targets/{id:guid}", async (Guid id, TargetRequest body, IpmTargets targets, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await targets.UpdateAsync(scope.Caller, id, body, ct))).WithTags("Pupil record");
        return api;
    }
}
