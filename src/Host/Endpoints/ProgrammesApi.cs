using SendWorkflow.Send.LineManagement;
using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// A school's programmes (workflows that belong to the school): start one for an academic year, list them; and the
/// SENCo's view of the programme's fortnightly line-management meetings with the teaching assistants.
/// </summary>
public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/schools/{id}/programmes").WithTags("School");
        g.MapPost("", async (string id, StartProgrammeRequest body, Programmes programmes, StaffScope scope, CancellationToken ct) =>
        {
            var started = await programmes.StartAsync(scope.Caller, id, body, ct);
            return TypedResults.Created($"/api/instances/{started.InstanceId}", started);
        });
        g.MapGet("", async (string id, Programmes programmes, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await programmes.ListAsync(scope.Caller, id, ct)));
        api.MapGet("/schools/{id}/line-management", async (string id, LineManagementView view, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await view.GetAsync(scope.Caller, id, ct))).WithTags("School");
        return api;
    }
}
