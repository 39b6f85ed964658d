using System.Net;
using System.Text;

namespace SendWorkflow.Studio.Tests;

/// <summary>The service on Kestrel refuses a request body over its endpoint's cap before reading it.</summary>
public sealed class RequestLimitsTests(StudioFixture studio)
{
    // With "Expect: 100-continue" the client sends the body only if the server wants it, so it hears the 413 rather than
    // a closed connection.
    private async Task<HttpStatusCode> PostAsync(string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        return (await studio.Http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task ABodyOverAMegabyte_Is413_ExceptADefinitionsDocument()
    {
        var big = new string('x', 1_200_000);
        using var pupil = new StringContent($$"""{"id": "big", "name": "{{big}}"}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync("/api/pupils", pupil));

        using var definition = new StringContent($$"""{"id": "big", "name": "{{big}}"}""", Encoding.UTF8, "application/json");
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, await PostAsync("/api/definitions/validate", definition));

        using var huge = new StringContent($$"""{"id": "big", "name": "{{new string('x', 5_000_000)}}"}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync("/api/definitions/validate", huge));
    }
}
