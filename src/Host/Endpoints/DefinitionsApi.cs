using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SendWorkflow.Rules;
using SendWorkflow.Send.Definitions;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Endpoints;

/// <param name="Findings">The draft's finding ids, so a rule may read them as findings.PascalCaseOfId.</param>
/// <param name="IsFinding">Whether the expression is a finding's own rule, which may not read other findings.</param>
public sealed record RuleCheckRequest(
    string? Expression, string? Name, List<string>? Parameters, string? DefinitionId, List<string>? Findings = null, bool? IsFinding = null);
public sealed record RuleCheckResult(bool Ok, IReadOnlyList<RuleError> Errors);

/// <summary>
/// Definitions: list, versions, drafts, publish, revert, export, import. Each works on a variant (<c>?scope=</c>): the
/// default, a borough's own (<c>borough:ID</c>) or a school's own (<c>school:ID</c>); without it, the caller's own.
/// </summary>
public static class DefinitionsApi
{
    private const string Change = "change definitions";

    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder api)
    {
        // A definition is the one large document the API takes (a 50-state pathway is about 100 KB): up to 4 MB here,
        // 1 MB everywhere else.
        var g = api.MapGroup("/definitions").WithTags("Definitions").WithMetadata(new RequestSizeLimitAttribute(4 * 1024 * 1024));
        g.MapGet("", async (string? scope, DefinitionService s, StaffScope staff, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(scope ?? DefinitionScope.OwnOf(staff.Caller), ct)));
        g.MapGet("/{id}", async (string id, string? version, string? scope, DefinitionService s, StaffScope staff, CancellationToken ct) =>
            Document((await s.GetAsync(id, version, scope ?? DefinitionScope.OwnOf(staff.Caller), ct)).Json));
        g.MapGet("/{id}/versions", async (string id, DefinitionService s, CancellationToken ct) =>
            TypedResults.Ok(await s.VersionsAsync(id, ct)));
        g.MapPut("/{id}/draft", SaveDraft).RequireStaffRole(Change, Capabilities.DesignDefinitions);
        g.MapPost("/{id}/publish", async (string id, string? scope, DefinitionService s, StaffScope staff, AccessGuard guard,
            CancellationToken ct) =>
        {
            var variant = await guard.RequireVariantAsync(staff.Caller, scope);
            return TypedResults.Ok(new { version = await s.PublishAsync(id, variant, ct), scope = variant });
        }).RequireStaffRole(Change, Capabilities.DesignDefinitions);
        g.MapPost("/{id}/revert/{version:int}", async (string id, int version, string? scope, DefinitionService s, StaffScope staff,
            AccessGuard guard, CancellationToken ct) =>
            TypedResults.Ok(await s.RevertAsync(id, version, staff.Actor, await guard.RequireVariantAsync(staff.Caller, scope), ct)))
                .RequireStaffRole(Change, Capabilities.DesignDefinitions);
        g.MapGet("/{id}/export", async (string id, string? version, string? scope, DefinitionService s, StaffScope staff,
            CancellationToken ct) =>
        {
            var row = await s.GetAsync(id, version ?? "latest", scope ?? DefinitionScope.OwnOf(staff.Caller), ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(row.Json), "application/json", $"{row.DefinitionId}.v{row.Version}.json");
        });
        g.MapPost("/import", async (JsonElement body, bool? publish, string? scope, DefinitionService s, StaffScope staff,
            AccessGuard guard, CancellationToken ct) =>
        {
            var document = DefinitionJson.Parse(body);
            var variant = await guard.RequireVariantAsync(staff.Caller, scope);
            return TypedResults.Ok(await s.ImportAsync(document, publish ?? false, staff.Actor, variant, ct));
        }).RequireStaffRole(Change, Capabilities.DesignDefinitions);
        g.MapPost("/validate", (JsonElement body) =>
        {
            var report = DefinitionValidator.Validate(DefinitionJson.Parse(body));
            return TypedResults.Ok(new { valid = report.IsValid, errors = report.Errors, warnings = report.Warnings });
        });
        api.MapPost("/rules/check", (RuleCheckRequest body) =>
        {
            var errors = RuleChecker.Check(body.Name ?? "rule", body.Expression ?? "", body.Parameters ?? [], body.Findings,
                body.IsFinding ?? false);
            return TypedResults.Ok(new RuleCheckResult(errors.Count == 0, errors));
        }).WithTags("Definitions");
        return api;
    }

    private static async Task<IResult> SaveDraft(string id, JsonElement body, int? revision, string? scope, HttpRequest request,
        DefinitionService s, StaffScope staff, AccessGuard guard, CancellationToken ct)
    {
        var document = DefinitionJson.Parse(body);
        var expected = revision ?? ParseIfMatch(request.Headers.IfMatch.ToString());
        var variant = await guard.RequireVariantAsync(staff.Caller, scope);
        return TypedResults.Ok(await s.SaveDraftAsync(id, document, new DraftSave(expected, staff.Actor, variant), ct));
    }

    private static int? ParseIfMatch(string header) =>
        int.TryParse(header.Trim().Trim('"').Replace("W/", "", StringComparison.Ordinal).Trim('"'), out var n) ? n : null;

    private static IResult Document(string json) => Results.Text(json, "application/json");
}
