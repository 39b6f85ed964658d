using System.Net.Http.Headers;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>Sign-out, a lockout, a new password and an administrator's revoke end the user's cookies and bearer tokens at once.</summary>
public sealed class SessionTests
{
    private const string Email = "sam@test.example";
    private const string Password = "Correct-horse-1";

    [Fact]
    public async Task SigningOutOfTheStudio_EndsTheCookieAndEveryToken()
    {
        await using var p = await StartAsync();
        using var studio = await StudioCookie.SignInAsync(p.Factory, Email, Password);
        using var bearer = await BearerAsync(p);
        using (var replay = StudioCookie.Replaying(p.Factory, studio.SessionCookie))
            Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/auth/me")).StatusCode);

        var signedOut = await studio.Client.PostAsync("/account/signout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await studio.AntiforgeryTokenAsync() }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/signin", signedOut.Headers.Location?.OriginalString);

        using (var replay = StudioCookie.Replaying(p.Factory, studio.SessionCookie))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);
            var page = await replay.GetAsync("/calendar");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("http://localhost/signin", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        var rejected = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=rejected"))!;
        Assert.Contains(rejected, a => (string?)a!["path"] == "/api/auth/me" && (int)a["status"]! == 401);
    }

    [Fact]
    public async Task SigningOutThroughTheApi_EndsTheTokenAndTheCookie()
    {
        await using var p = await StartAsync();
        using var studio = await StudioCookie.SignInAsync(p.Factory, Email, Password);
        using var bearer = await BearerAsync(p);
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.PostAsync("/api/auth/signout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        using var replay = StudioCookie.Replaying(p.Factory, studio.SessionCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);
        // Signing in again gives a token that works.
        using var again = await BearerAsync(p);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task LockingTheAccount_EndsItsTokensAndCookies()
    {
        await using var p = await StartAsync();
        using var studio = await StudioCookie.SignInAsync(p.Factory, Email, Password);
        using var bearer = await BearerAsync(p);
        using var anonymous = p.Factory.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
            await anonymous.PostAsJsonAsync("/api/auth/token", new { email = Email, password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        using var replay = StudioCookie.Replaying(p.Factory, studio.SessionCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorsRevoke_EndsTheUsersSessions_AndIsAudited()
    {
        await using var p = await StartAsync();
        using var studio = await StudioCookie.SignInAsync(p.Factory, Email, Password);
        using var bearer = await BearerAsync(p);
        var id = (string)(await bearer.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["id"]!;

        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsync($"/api/users/{id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Http.PostAsync("/api/users/no-such-user/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await p.Http.PostAsync($"/api/users/{id}/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        using var replay = StudioCookie.Replaying(p.Factory, studio.SessionCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);
        var changes = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=change"))!;
        Assert.Contains(changes, a => (string?)a!["resource"] == "sessions" && (string?)a["resourceId"] == id);
    }

    [Fact]
    public async Task ChangingThePassword_EndsEverySession_AndTheNewPasswordSignsIn()
    {
        await using var p = await StartAsync();
        using var studio = await StudioCookie.SignInAsync(p.Factory, Email, Password);
        using var bearer = await BearerAsync(p);
        var wrong = await bearer.PostAsJsonAsync("/api/me/password", new { current = "not-it", @new = "Another-horse-2" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("\"current\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/auth/me")).StatusCode);

        var changed = await bearer.PostAsJsonAsync("/api/me/password", new { current = Password, @new = "Another-horse-2" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        using var replay = StudioCookie.Replaying(p.Factory, studio.SessionCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);
        using var again = await BearerAsync(p, "Another-horse-2");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/auth/me")).StatusCode);
    }

    internal static async Task<Pathway> StartAsync()
    {
        var p = await Pathway.StartAsync();
        (await p.Http.PostAsJsonAsync("/api/users", new
        {
            email = Email, displayName = "Sam Patel", role = "senco", schoolId = "oakfield", password = Password,
        })).EnsureSuccessStatusCode();
        return p;
    }

    private static async Task<HttpClient> BearerAsync(Pathway p, string password = Password)
    {
        using var anonymous = p.Factory.CreateAnonymousClient();
        var answer = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = Email, password });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        var client = p.Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (string)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!);
        return client;
    }
}
