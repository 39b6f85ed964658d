namespace SendWorkflow.Host.Endpoints;

/// <summary>Searching the audit log: a SENCo their school's entries, an administrator all.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", Search).WithTags("Audit");
        return api;
    }

    private static async Task<IResult> Search(string? pupilId, string? userId, string? action, DateTimeOffset? from, DateTimeOffset? to, int? take,
        StaffScope scope, AuditLog audit, SendWorkflowDbContext db, CancellationToken ct)
    {
        await scope.RequireAsync("search the audit log", Capabilities.SearchAudit);
        new ProblemCollector()
            .Check(take is null or (> 0 and <= 5000), "take", "'take' must be between 1 and 5000.")
            .Check(from is null || to is null || to >= from, "to", "The period ends before it starts.")
            .ThrowIfAny();
        var school = scope.IsAdministrator ? null : scope.SchoolId ?? "";
        var rows = await AuditSearch.FindAsync(db, school, pupilId, userId, action, from, to, take ?? 500, ct);
        await scope.AuditAsync(AuditActions.Read, "audit", null, pupilId, null);
        return TypedResults.Ok(rows);
    }
}
