using SendWorkflow.Send.Pupils;

namespace SendWorkflow.Host.Endpoints;

/// <summary>Boroughs, schools and pupils: the work is <see cref="PupilDirectory"/>'s.</summary>
public static class DirectoryApi
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("").WithTags("Directory");
        g.MapPost("/boroughs", async (CreateBoroughRequest body, PupilDirectory d, IConfiguration config, StaffScope scope, CancellationToken ct) =>
        {
            var borough = await d.CreateBoroughAsync(scope.Caller, body, config["Calendars:Default"] ?? "demo-borough", ct);
            return TypedResults.Created($"/api/boroughs/{borough.Id}", borough);
        });
        g.MapGet("/boroughs/{id}", async (string id, PupilDirectory d, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await d.GetBoroughAsync(scope.Caller, id, ct)));
        g.MapPost("/schools", async (CreateSchoolRequest body, PupilDirectory d, StaffScope scope, CancellationToken ct) =>
        {
            var school = await d.CreateSchoolAsync(scope.Caller, body, ct);
            return TypedResults.Created($"/api/schools/{school.Id}", school);
        });
        g.MapGet("/schools/{id}", async (string id, PupilDirectory d, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await d.GetSchoolAsync(scope.Caller, id, ct)));
        g.MapPut("/schools/{id}", async (string id, UpdateSchoolRequest body, PupilDirectory d, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await d.UpdateSchoolAsync(scope.Caller, id, body, ct)));
        g.MapPost("/pupils", async (CreatePupilRequest body, PupilDirectory d, StaffScope scope, CancellationToken ct) =>
        {
            var pupil = await d.AddPupilAsync(scope.Caller, body, ct);
            return TypedResults.Created($"/api/pupils/{pupil.Id}", pupil);
        });
        g.MapGet("/pupils/{id}", async (string id, PupilDirectory d, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await d.GetPupilAsync(scope.Caller, id, ct)));
        g.MapPut("/pupils/{id}", async (string id, UpdatePupilRequest body, PupilDirectory d, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await d.UpdatePupilAsync(scope.Caller, id, body, ct)));
        return api;
    }
}
