using SendWorkflow.Send.Statutory;

namespace SendWorkflow.Host.Endpoints;

/// <summary>The local authority's side: borough timelines, exceptions to the time limits, open assessments, compliance.</summary>
public static class StatutoryApi
{
    public static IEndpointRouteBuilder MapStatutoryApi(this IEndpointRouteBuilder api)
    {
        // An LA officer works on their own borough; an administrator on any.
        var borough = api.MapGroup("/boroughs/{boroughId}").WithTags("Local authority")
            .AddEndpointFilter(async (context, next) =>
            {
                var boroughId = (string)context.HttpContext.Request.RouteValues["boroughId"]!;
                await context.HttpContext.RequestServices.GetRequiredService<StaffScope>().RequireBoroughAsync(boroughId);
                return await next(context);
            });
        borough.MapGet("/parameters", async (string boroughId, BoroughTimelines t, CancellationToken ct) =>
            TypedResults.Ok(await t.GetAsync(boroughId, ct)));
        borough.MapPut("/parameters", async (string boroughId, SaveBoroughParametersRequest body, BoroughTimelines t, CancellationToken ct) =>
            TypedResults.Ok(await t.SaveAsync(boroughId, body, ct)));
        borough.MapGet("/parameters/history", async (string boroughId, BoroughTimelines t, CancellationToken ct) =>
            TypedResults.Ok(await t.HistoryAsync(boroughId, ct)));
        borough.MapPost("/parameters/apply", async (string boroughId, ApplyBoroughParametersRequest body, BoroughTimelines t, CancellationToken ct) =>
            TypedResults.Ok(await t.ApplyAsync(boroughId, body, ct)));
        borough.MapGet("/assessments", async (string boroughId, BoroughViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.OpenAssessmentsAsync(scope.Caller, boroughId, ct)));
        borough.MapGet("/appeals", async (string boroughId, Appeals a, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await a.OpenInBoroughAsync(scope.Caller, boroughId, ct)));
        borough.MapGet("/compliance", async (string boroughId, DateOnly? from, DateOnly? to, ComplianceReports r, CancellationToken ct) =>
            TypedResults.Ok((await r.ComplianceAsync(boroughId, from, to, ct))[0]));

        // Figures without names: an LA officer sees their borough's, an administrator every borough's.
        var compliance = api.MapGroup("/compliance").WithTags("Local authority");
        compliance.MapGet("", async (DateOnly? from, DateOnly? to, ComplianceReports r, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await r.ComplianceAsync(await OwnBoroughAsync(scope, null), from, to, ct)));
        compliance.MapGet("/sen2.csv", async (
            string? boroughId, DateOnly? from, DateOnly? to, ComplianceReports r, StaffScope scope, CancellationToken ct) =>
            TypedResults.Text(await r.Sen2CsvAsync(await OwnBoroughAsync(scope, boroughId), from, to, ct), "text/csv; charset=utf-8"));

        var appeals = api.MapGroup("/instances/{id:guid}").WithTags("Local authority");
        appeals.MapGet("/appeals", async (Guid id, Appeals a, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await a.ForCaseAsync(scope.Caller, id, ct)));
        appeals.MapGet("/appeals/{decision}/letter.pdf", async (Guid id, string decision, Appeals a, StaffScope scope, CancellationToken ct) =>
            TypedResults.File(await a.LetterPdfAsync(scope.Caller, id, decision, ct), "application/pdf", $"appeal-rights-{decision}.pdf"));
        appeals.MapPost("/mediation-certificates", async (
            Guid id, RecordMediationCertificateRequest body, Appeals a, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await a.RecordCertificateAsync(scope.Caller, id, body, ct)));

        var exceptions = api.MapGroup("/instances/{id:guid}/exceptions").WithTags("Local authority");
        exceptions.MapGet("", async (Guid id, StatutoryExceptions x, SendWorkflowDbContext db, StaffScope scope, CancellationToken ct) =>
        {
            await RequireCaseAsync(db, scope, id, ct);
            return TypedResults.Ok(await x.ListAsync(id, ct));
        });
        exceptions.MapPost("", async (
            Guid id, RecordExceptionRequest body, StatutoryExceptions x, SendWorkflowDbContext db, StaffScope scope, CancellationToken ct) =>
        {
            var pupil = await RequireCaseAsync(db, scope, id, ct);
            var audit = scope.Entry(AuditActions.Change, new AuditSubject("exception", null, pupil.Id, pupil.SchoolId), 201);
            var recorded = await x.RecordAsync(id, body, audit, ct);
            return TypedResults.Created($"/api/instances/{id}/exceptions/{recorded.Id}", recorded);
        });
        return api;
    }

    private static async Task<string?> OwnBoroughAsync(StaffScope scope, string? asked)
    {
        await scope.RequireAsync("see statutory compliance", Capabilities.BoroughViews);
        if (scope.Role != StaffRoles.LaOfficer) return asked;
        if (asked is not null) await scope.RequireBoroughAsync(asked);
        return scope.BoroughId;
    }

    /// <summary>An exception is the LA's business: the case's borough's LA officer, or an administrator.</summary>
    private static async Task<Pupil> RequireCaseAsync(SendWorkflowDbContext db, StaffScope scope, Guid id, CancellationToken ct)
    {
        await scope.RequireAsync("record exceptions to the time limits", Capabilities.BoroughViews);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new Workflows.Runtime.InstanceNotFoundException(id);
        return await scope.RequireInstanceAsync(db, instance, ct);
    }
}
