using SendWorkflow.Send.Migrations;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// Moving running pupils to another version of a definition: preview (<c>"dryRun": true</c>, the default) or apply, read a
/// move's progress, resume an interrupted one. Whoever may publish the target version's variant may move its pupils; the
/// work is <see cref="PupilMigrations"/>', shared with the Studio's versions page.
/// </summary>
public static class MigrationsApi
{
    private const string Move = "move pupils to another version";

    public static IEndpointRouteBuilder MapMigrationsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/definitions/{id}/migrations").WithTags("Definitions");
        g.MapPost("", async Task<IResult> (string id, MigrationRequest body, PupilMigrations migrations, StaffScope staff, CancellationToken ct) =>
        {
            if (body.DryRun ?? true) return TypedResults.Ok(await migrations.PreviewAsync(staff.Caller, id, body, ct));
            var started = await migrations.StartAsync(staff.Caller, id, body, ct);
            return TypedResults.Accepted($"/api/definitions/{id}/migrations/{started.Id}", started);
        }).RequireStaffRole(Move, Capabilities.DesignDefinitions);
        g.MapGet("", async (string id, PupilMigrations migrations, StaffScope staff, CancellationToken ct) =>
            TypedResults.Ok(await migrations.ListAsync(staff.Caller, id, ct))).RequireStaffRole(Move, Capabilities.DesignDefinitions);
        g.MapGet("/{migrationId:guid}", async (string id, Guid migrationId, PupilMigrations migrations, StaffScope staff, CancellationToken ct) =>
                TypedResults.Ok(await migrations.ProgressAsync(staff.Caller, id, migrationId, ct)))
            .RequireStaffRole(Move, Capabilities.DesignDefinitions);
        g.MapPost("/{migrationId:guid}/resume", async (string id, Guid migrationId, PupilMigrations migrations, StaffScope staff,
            CancellationToken ct) => TypedResults.Accepted($"/api/definitions/{id}/migrations/{migrationId}",
                await migrations.ResumeAsync(staff.Caller, id, migrationId, ct))).RequireStaffRole(Move, Capabilities.DesignDefinitions);
        return api;
    }
}
