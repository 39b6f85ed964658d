using SendWorkflow.Send.ParentLinks;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// Links for a pupil's parents to answer a form without an account: make one (201 with its address, shown once, and
/// until when it works), list them (never a token), revoke one. The work is <see cref="ParentLinks"/>', shared with the
/// record's panel in the Studio; the page the link opens is <c>Parents/ParentPageEndpoints</c>.
/// </summary>
public static class ParentLinksApi
{
    public static IEndpointRouteBuilder MapParentLinksApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/pupils/{pupilId}/parent-links").WithTags("Pupil record");
        g.MapPost("", async (string pupilId, ParentLinkRequest body, ParentLinks links, StaffScope scope, HttpContext http, CancellationToken ct) =>
        {
            var created = await links.CreateAsync(scope.Caller, pupilId, body, Site(http), ct);
            return TypedResults.Created($"/api/pupils/{Uri.EscapeDataString(pupilId)}/parent-links", created);
        });
        g.MapGet("", async (string pupilId, ParentLinks links, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await links.ListAsync(scope.Caller, pupilId, ct)));
        g.MapDelete("/{linkId:guid}", async (string pupilId, Guid linkId, ParentLinks links, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await links.RevokeAsync(scope.Caller, pupilId, linkId, ct)));
        return api;
    }

    /// <summary>The service's own address, as this request reached it (the host is checked against AllowedHosts).</summary>
    private static Uri Site(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
}
