using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>
/// Two hosts of one service on one PostgreSQL database share Data Protection's key ring (it is in the database): the
/// sign-in form's antiforgery token from one host is accepted by the other, and the sign-in cookie the other issues
/// opens the first. A third host on a database of its own refuses that cookie.
/// </summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task ACookieAndAnAntiforgeryTokenIssuedByOneHost_WorkOnAnother_AndNotOnAnotherService()
    {
        await using var first = await Pathway.StartAsync(provider: DatabaseProvider.Postgres);
        (await first.Http.PostAsJsonAsync("/api/users", new
        {
            email = "sam@test.example", displayName = "Sam", role = "senco", schoolId = "oakfield", password = Pathway.StaffPassword,
        })).EnsureSuccessStatusCode();
        await using var second = new Pathway(databaseFile: first.Factory.DatabaseFile, provider: DatabaseProvider.Postgres);

        // The form and its antiforgery cookie from the first host...
        using var atFirst = StudioCookie.NewClient(first.Factory, handleCookies: false);
        var form = await atFirst.GetAsync("/signin");
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = StudioCookie.TokenIn(await form.Content.ReadAsStringAsync());

        // ...posted to the second, which signs in and sets the session cookie.
        using var atSecond = StudioCookie.NewClient(second.Factory, handleCookies: false);
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = "sam@test.example", ["password"] = Pathway.StaffPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await atSecond.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sendwf=", StringComparison.Ordinal)).Split(';')[0];

        using var backAtFirst = StudioCookie.Replaying(first.Factory, session);
        var me = await backAtFirst.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("Sam", (string?)(await me.Content.ReadFromJsonAsync<JsonObject>())!["displayName"]);

        await using var elsewhere = await Pathway.StartAsync(provider: DatabaseProvider.Postgres);
        using var stranger = StudioCookie.Replaying(elsewhere.Factory, session);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/auth/me")).StatusCode);
    }
}
