using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Host.Studio;
using SendWorkflow.Send.Access;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>The Studio's lists of pupils on a pathway follow the one access policy, as the API does.</summary>
public sealed class StudioScopeTests
{
    private static Caller LaOfficer(string borough) => Caller.Page(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "la"), new Claim(ClaimTypes.Role, StaffRoles.LaOfficer), new Claim(StaffClaims.Borough, borough)],
        "test")), "/definitions/x/pupils");

    [Fact]
    public async Task AnLaOfficer_SeesTheBoroughsStatutoryWork_AndNoSchoolsPathway()
    {
        await using var w = await StaffWorld.CreateAsync();
        (await w.P.Http.PostAsJsonAsync($"/api/instances/{w.Pathways["ava"]}/events",
            new { name = "assessment.requested", data = new { by = "school" } })).EnsureSuccessStatusCode();
        var queries = w.P.Factory.Services.GetRequiredService<StudioQueries>();

        Assert.Empty(await queries.InstancesAsync(LaOfficer("demo-borough"), "send-pathway", 100, CancellationToken.None));
        var assessments = await queries.InstancesAsync(LaOfficer("demo-borough"), "ehcp-assessment", 100, CancellationToken.None);
        Assert.Equal("ava", Assert.Single(assessments).PupilId);
        Assert.Empty(await queries.InstancesAsync(LaOfficer("north"), "ehcp-assessment", 100, CancellationToken.None));
    }
}
