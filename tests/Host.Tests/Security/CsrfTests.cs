namespace SendWorkflow.Host.Tests.Security;

/// <summary>A change made with the Studio's cookie needs the antiforgery token; a bearer token's call does not.</summary>
public sealed class CsrfTests
{
    private const string Email = "sam@test.example";
    private const string Password = "Correct-horse-1";

    [Fact]
    public async Task WithTheCookie_AFormWithoutTheToken_ChangesNothing_AndWithTheTokenItWorks()
    {
        await using var p = await SessionTests.StartAsync();
        using var studio = await StudioCookie.SignInAsync(p.Factory, Email, Password);
        var versions = (await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!.Count;
        var feed = await FeedAsync(studio.Client);
        var empty = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });

        foreach (var path in new[] { "/api/definitions/send-pathway/revert/1", "/api/me/calendar/reset" })
        {
            var refused = await studio.Client.PostAsync(path, empty);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("antiforgery", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var forged = await studio.Client.PostAsync(path, Token("forged-token"));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        Assert.Equal(versions, (await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!.Count);
        Assert.Equal(feed, await FeedAsync(studio.Client));
        var refusals = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=refused"))!;
        Assert.Contains(refusals, a => (string?)a!["resource"] == "antiforgery" && (string?)a["path"] == "/api/me/calendar/reset");

        var token = await studio.AntiforgeryTokenAsync();
        using var revert = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/send-pathway/revert/1");
        revert.Headers.Add("RequestVerificationToken", token);
        Assert.True((await studio.Client.SendAsync(revert)).IsSuccessStatusCode);
        Assert.Equal(versions + 1, (await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!.Count);
        Assert.Equal(HttpStatusCode.OK, (await studio.Client.PostAsync("/api/me/calendar/reset", Token(token))).StatusCode);
        Assert.NotEqual(feed, await FeedAsync(studio.Client));
    }

    [Fact]
    public async Task SigningOutWithoutTheToken_IsRefused_AndTheCookieStillWorks()
    {
        await using var p = await SessionTests.StartAsync();
        using var studio = await StudioCookie.SignInAsync(p.Factory, Email, Password);
        var refused = await studio.Client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await studio.Client.GetAsync("/api/auth/me")).StatusCode);
        using var replay = StudioCookie.Replaying(p.Factory, studio.SessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task ABearerTokensCall_NeedsNoAntiforgeryToken()
    {
        await using var p = await SessionTests.StartAsync();
        using var anonymous = p.Factory.CreateAnonymousClient();
        var token = (string)(await (await anonymous.PostAsJsonAsync("/api/auth/token", new { email = Email, password = Password }))
            .Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/api/me/calendar/reset", null)).StatusCode);
    }

    private static FormUrlEncodedContent Token(string token) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    private static async Task<string> FeedAsync(HttpClient client) =>
        (string)(await client.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["calendarFeed"]!;
}
