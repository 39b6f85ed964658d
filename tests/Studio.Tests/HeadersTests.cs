namespace SendWorkflow.Studio.Tests;

/// <summary>The real host on Kestrel: no Server header, and the security headers on a page and an API answer.</summary>
public sealed class HeadersTests(StudioFixture studio)
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/api/health")]
    [InlineData("/api/definitions")]
    public async Task KestrelSaysNothingAboutItself_AndEveryAnswerCarriesThePolicy(string path)
    {
        using var answer = await studio.Http.GetAsync(path);
        Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode}");
        Assert.False(answer.Headers.Contains("Server"), string.Join(", ", answer.Headers.Server));
        Assert.True(answer.Headers.CacheControl?.NoStore, $"Cache-Control: {answer.Headers.CacheControl}");
        var csp = string.Join(" ", answer.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStudiosScripts_AreNotMarkedNoStore()
    {
        using var answer = await studio.Http.GetAsync("/_framework/blazor.web.js");
        Assert.True(answer.IsSuccessStatusCode);
        Assert.NotEqual(true, answer.Headers.CacheControl?.NoStore);
    }
}
