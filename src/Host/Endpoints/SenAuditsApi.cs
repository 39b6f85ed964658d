using SendWorkflow.Send.SenAudits;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// The borough's SEN audits of its schools: schedule, fix the day and team, draw the pupils, record the verbal feedback,
/// issue the report (and its PDF); the borough's list with every school's summary, a school's own audits, and the audits
/// whose team the caller is on. The work is <see cref="SenAudits"/>' and <see cref="SenAuditViews"/>', shared with the Studio.
/// </summary>
public static class SenAuditsApi
{
    public static IEndpointRouteBuilder MapSenAuditsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/boroughs/{id}/sen-audits", async (string id, SenAuditViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.ForBoroughAsync(scope.Caller, id, ct))).WithTags("SEN audits");
        api.MapGet("/boroughs/{id}/sen-audits/summary", async (string id, SenAuditViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.SummariesAsync(scope.Caller, id, ct))).WithTags("SEN audits");
        api.MapGet("/boroughs/{id}/sen-audits/team-candidates", async (string id, SenAuditViews views, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await views.TeamCandidatesAsync(scope.Caller, id, ct))).WithTags("SEN audits");
        api.MapPost("/boroughs/{id}/sen-audits", async (string id, ScheduleAuditRequest body, SenAudits audits, StaffScope scope,
            CancellationToken ct) =>
        {
            var audit = await audits.ScheduleAsync(scope.Caller, id, body, ct);
            return TypedResults.Created($"/api/sen-audits/{audit.Id}", audit);
        }).WithTags("SEN audits");
        api.MapGet("/schools/{id}/sen-audits", async (string id, SenAuditViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.ForSchoolAsync(scope.Caller, id, ct))).WithTags("SEN audits");
        api.MapGet("/sen-audits", async (SenAuditViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.MineAsync(scope.Caller, ct))).WithTags("SEN audits");
        api.MapGet("/sen-audits/{auditId:guid}", async (Guid auditId, SenAuditViews views, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await views.GetAsync(scope.Caller, auditId, ct))).WithTags("SEN audits");
        api.MapPut("/sen-audits/{auditId:guid}/team", async (Guid auditId, AuditTeamRequest body, SenAudits audits, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await audits.SetTeamAsync(scope.Caller, auditId, body, ct))).WithTags("SEN audits");
        api.MapPost("/sen-audits/{auditId:guid}/draw", async (Guid auditId, SenAudits audits, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await audits.DrawAsync(scope.Caller, auditId, ct))).WithTags("SEN audits");
        api.MapPost("/sen-audits/{auditId:guid}/feedback", async (Guid auditId, AuditFeedbackRequest body, SenAudits audits, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await audits.FeedbackAsync(scope.Caller, auditId, body, ct))).WithTags("SEN audits");
        api.MapPost("/sen-audits/{auditId:guid}/report", async (Guid auditId, AuditReportRequest body, SenAudits audits, StaffScope scope,
            CancellationToken ct) => TypedResults.Ok(await audits.ReportAsync(scope.Caller, auditId, body, ct))).WithTags("SEN audits");
        api.MapGet("/sen-audits/{auditId:guid}/report.pdf", async (Guid auditId, SenAuditViews views, StaffScope scope, CancellationToken ct) =>
        {
            var report = await views.PdfAsync(scope.Caller, auditId, ct);
            return TypedResults.File(report.Pdf, "application/pdf", report.FileName);
        }).WithTags("SEN audits");
        return api;
    }
}
