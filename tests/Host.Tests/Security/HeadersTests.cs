namespace SendWorkflow.Host.Tests.Security;

/// <summary>The Content-Security-Policy, no-store, Secure cookies and HSTS on the API's answers and the Studio's pages.</summary>
public sealed class HeadersTests
{
    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/definitions")]
    [InlineData("/signin")]
    public async Task APageAndAnApiAnswer_CarryThePolicy_AndAreNotStored(string path)
    {
        await using var f = new ServiceFactory();
        using var client = f.CreateClient();
        using var answer = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(answer.Headers.CacheControl?.NoStore, $"Cache-Control: {answer.Headers.CacheControl}");
        var csp = string.Join(" ", answer.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self' 'nonce-", "style-src 'self' 'unsafe-inline'",
            "connect-src 'self' ws: wss:", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
        Assert.Equal("nosniff", string.Join("", answer.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join("", answer.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task ThePagesImportMap_CarriesTheNonceOfItsPolicy()
    {
        await using var f = new ServiceFactory();
        using var client = f.CreateClient();
        using var answer = await client.GetAsync("/signin");
        var csp = string.Join(" ", answer.Headers.GetValues("Content-Security-Policy"));
        var nonce = csp.Split("'nonce-")[1].Split('\'')[0];
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverHttps_CookiesAreSecure_AndHstsIsSent()
    {
        await using var p = await SessionTests.StartAsync();
        using var client = StudioCookie.NewClient(p.Factory, "https://sendworkflow.test/");
        var signedIn = await StudioCookie.PostSignInAsync(client, "sam@test.example", "Correct-horse-1");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("sendwf=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("max-age=", string.Join("", signedIn.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);

        using var plain = StudioCookie.NewClient(p.Factory);
        var overHttp = await StudioCookie.PostSignInAsync(plain, "sam@test.example", "Correct-horse-1");
        Assert.DoesNotContain(overHttp.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }
}
