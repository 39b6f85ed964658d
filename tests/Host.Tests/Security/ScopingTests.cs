using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>Who sees what, role by role, through the API; and that every look and every refusal is audited.</summary>
public class ScopingTests : ProviderSuite
{
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path) => (await client.GetAsync(path)).StatusCode;

    [Fact]
    public async Task EveryApiEndpoint_ButSignInHealthAndTheCalendarFeed_RefusesAnonymousCalls()
    {
        await using var p = await StartAsync();
        using var anonymous = p.Factory.CreateAnonymousClient();
        var endpoints = p.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
        var open = new[] { "/api/health", "/api/health/live", "/api/health/ready", "/api/auth/token", "/api/calendar/{userId}/{secret}.ics" };
        foreach (var e in endpoints)
        {
            var pattern = e.RoutePattern.RawText!;
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]*:guid\\}", Guid.NewGuid().ToString());
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]*:int\\}", "1");
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]*\\}", "x");
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT") request.Content = JsonContent.Create(new { });
                var status = (await anonymous.SendAsync(request)).StatusCode;
                if (open.Contains(pattern)) Assert.NotEqual(HttpStatusCode.Unauthorized, status);
                else Assert.True(status == HttpStatusCode.Unauthorized, $"{method} {pattern}: {(int)status}");
            }
        }
    }

    [Fact]
    public async Task EachRole_SeesOnlyThePupilsItShould()
    {
        await using var w = await WorldAsync();
        (string User, string[] Sees)[] expected =
        [
            ("senco", ["ava", "ben"]), ("head", ["ava", "ben"]), ("teacher", ["ava"]), ("ta", ["ava"]),
            ("governor", []), ("elm-senco", ["cal"]), ("admin", ["ava", "ben", "cal"]),
        ];
        foreach (var (user, sees) in expected)
        {
            using var client = w.As(user);
            foreach (var pupil in new[] { "ava", "ben", "cal" })
            {
                var want = sees.Contains(pupil) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                Assert.True(want == await StatusAsync(client, $"/api/pupils/{pupil}"), $"{user} reading {pupil}");
                Assert.True(want == await StatusAsync(client, $"/api/instances/{w.Pathways[pupil]}"), $"{user} reading {pupil}'s pathway");
                Assert.True(want == await StatusAsync(client, $"/api/instances/{w.Pathways[pupil]}/journal"), $"{user} reading {pupil}'s journal");
            }
            var tasks = (await client.GetFromJsonAsync<JsonArray>("/api/tasks"))!;
            Assert.All(tasks, t => Assert.Contains((string)t!["pupilId"]!, sees));
            Assert.Equal(sees.Length > 0, tasks.Count > 0);
        }
    }

    [Fact]
    public async Task AnLaOfficer_SeesTheirBoroughsStatutoryWork_AndNothingElse()
    {
        await using var w = await WorldAsync();
        await w.P.RaiseAsync(w.Pathways["ava"], "assessment.requested", new { by = "parent" });
        using var la = w.As("la");
        using var north = w.As("la-north");

        var instances = (await la.GetFromJsonAsync<JsonArray>("/api/pupils/ava/instances"))!;
        var assessment = (string)Assert.Single(instances)!["id"]!;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(la, $"/api/instances/{assessment}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(la, $"/api/instances/{w.Pathways["ava"]}"));
        Assert.Single((await la.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(la, "/api/boroughs/demo-borough/compliance?from=2026-09-01&to=2027-08-31"));

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(north, "/api/boroughs/demo-borough/assessments"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(north, $"/api/instances/{assessment}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(north, "/api/pupils/ava"));
        var exception = await north.PostAsJsonAsync($"/api/instances/{assessment}/exceptions",
            new { kind = "personal-circumstances", startsOn = "2026-10-12", endsOn = "2026-10-12", recordedBy = "North" });
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        var csv = await (await north.GetAsync("/api/compliance/sen2.csv?from=2026-09-01&to=2027-08-31")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("demo-borough", csv);
        Assert.Contains("north", csv);
    }

    [Fact]
    public async Task RolesWithoutTheRight_AreRefused403()
    {
        await using var w = await WorldAsync();
        using var teacher = w.As("teacher");
        using var governor = w.As("governor");
        using var senco = w.As("senco");

        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync("/api/definitions/send-pathway/publish", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync("/api/clock/advance", new { days = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await senco.PostAsJsonAsync("/api/users", new { email = "x@y.z" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(teacher, "/api/schools/oakfield/sen-register"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(teacher, "/api/boroughs/demo-borough/assessments"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(governor, "/api/audit"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(w.As("elm-senco"), "/api/schools/oakfield/sen-register"));
    }

    [Fact]
    public async Task AGovernor_SeesTheSchoolsFigures_AndNoNames()
    {
        await using var w = await WorldAsync();
        using var governor = w.As("governor");
        var response = await governor.GetAsync("/api/schools/oakfield/figures");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)JsonNode.Parse(body)!["pupilsByStage"]!["stage 1"]!);
        Assert.DoesNotContain("Pupil ", body);
        Assert.Empty((await governor.GetFromJsonAsync<JsonArray>("/api/inbox"))!);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(governor, "/api/pupils/ava"));
    }

    [Fact]
    public async Task ATeacherAskingForAnotherSchoolsPupil_Gets404_AndTheAttemptIsAudited()
    {
        await using var w = await WorldAsync();
        using var teacher = w.As("teacher");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(teacher, "/api/pupils/cal"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(teacher, "/api/pupils/ava"));

        var audit = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/audit?pupilId=cal"))!;
        var denied = Assert.Single(audit, a => (string?)a!["action"] == "denied")!;
        Assert.Equal("The teacher", (string?)denied["userName"]);
        Assert.Equal("/api/pupils/cal", (string?)denied["path"]);
        Assert.Equal(404, (int)denied["status"]!);
        var read = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/audit?pupilId=ava&action=read"))!;
        Assert.Contains(read, a => (string?)a!["userName"] == "The teacher" && (string?)a["resource"] == "pupil");

        // The SENCo searches their own school's log: the looks at their pupils and what their staff tried. Elm Grove's
        // SENCo sees the attempt on their pupil, and nothing about Oakfield's.
        var sencoView = (await w.As("senco").GetFromJsonAsync<JsonArray>("/api/audit"))!;
        Assert.Contains(sencoView, a => (string?)a!["pupilId"] == "ava");
        Assert.Contains(sencoView, a => (string?)a!["action"] == "denied" && (string?)a["userName"] == "The teacher");
        var elmView = (await w.As("elm-senco").GetFromJsonAsync<JsonArray>("/api/audit"))!;
        Assert.Contains(elmView, a => (string?)a!["pupilId"] == "cal" && (string?)a["action"] == "denied");
        Assert.DoesNotContain(elmView, a => (string?)a!["pupilId"] == "ava");
    }

    [Fact]
    public async Task AForgedOrExpiredToken_IsRefused_AndAudited()
    {
        await using var w = await WorldAsync();
        using var forged = w.P.Factory.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", w.Tokens["teacher"][..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(forged, "/api/pupils/ava"));

        using var teacher = w.As("teacher");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(teacher, "/api/pupils/ava"));
        await w.P.AdvanceDaysAsync(0.5);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(teacher, "/api/pupils/ava"));

        var rejected = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=rejected"))!;
        Assert.True(rejected.Count >= 2, rejected.ToJsonString());
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount()
    {
        await using var w = await WorldAsync();
        using var anonymous = w.P.Factory.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await anonymous.PostAsJsonAsync("/api/auth/token", new { email = "ta@test.example", password = "wrong" })).StatusCode);
        }
        var locked = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = "ta@test.example", password = StaffWorld.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        // Locked, but the answer is a wrong password's, so it tells a stranger nothing about the account.
        Assert.Contains("The email or password is wrong.", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInNotes_IsKeptAsText_ALongField_AndASecondPostOfTheSameForm_AreRefused()
    {
        await using var w = await WorldAsync();
        using var teacher = w.As("teacher");
        var task = (await teacher.GetFromJsonAsync<JsonArray>("/api/inbox"))!.First(t => (string?)t!["pupilId"] == "ava")!;
        var url = $"/api/tasks/{(string)task["taskId"]!}/complete";

        var tooLong = await teacher.PostAsJsonAsync(url, new { outcome = "done", notes = new string('x', 4001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        const string script = "<script>alert('x')</script> talked with parents";
        var done = await teacher.PostAsJsonAsync(url, new { outcome = "done", notes = script });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var again = await teacher.PostAsJsonAsync(url, new { outcome = "done", notes = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var refused = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=refused"))!;
        Assert.Contains(refused, a => (int)a!["status"]! == 409 && ((string?)a["path"])!.EndsWith("/complete", StringComparison.Ordinal));
        Assert.Contains(refused, a => (int)a!["status"]! == 400 && (string?)a["userName"] == "The teacher");

        // Kept exactly as typed, served as JSON that a browser will not sniff into a page; the Studio shows it as text.
        var read = await teacher.GetAsync($"/api/tasks/{(string)task["taskId"]!}");
        Assert.Equal("application/json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", read.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(script, (string?)JsonNode.Parse(await read.Content.ReadAsStringAsync())!["notes"]);
    }
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class ScopingTestsOnPostgres : ScopingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
