using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>
/// A browser's view of the Studio without a browser: signs in through the sign-in form (with the form's antiforgery
/// token), keeps the cookie, and reads the antiforgery token a signed-in page carries.
/// </summary>
public sealed partial class StudioCookie : IDisposable
{
    private StudioCookie(HttpClient client, string sessionCookie)
    {
        Client = client;
        SessionCookie = sessionCookie;
    }

    /// <summary>The sign-in cookie as the server set it ("sendwf=..."), to replay after it should have stopped working.</summary>
    public string SessionCookie { get; }

    /// <summary>Carries the cookie; follows no redirects, so a test sees where it would go.</summary>
    public HttpClient Client { get; }

    public static HttpClient NewClient(ServiceFactory factory, string baseAddress = "http://localhost/", bool handleCookies = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = handleCookies, BaseAddress = new Uri(baseAddress),
        });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client that sends only this cookie, as a copy kept by someone else would.</summary>
    public static HttpClient Replaying(ServiceFactory factory, string cookie)
    {
        var client = NewClient(factory, handleCookies: false);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Posts the sign-in form; the answer is the redirect (or the refusal).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var token = TokenIn(await client.GetStringAsync("/signin"));
        var fields = new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null) fields["returnUrl"] = returnUrl;
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(fields));
    }

    public static async Task<StudioCookie> SignInAsync(ServiceFactory factory, string email, string password)
    {
        var client = NewClient(factory);
        var answer = await PostSignInAsync(client, email, password);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.OriginalString == "/",
            $"{(int)answer.StatusCode} {answer.Headers.Location}");
        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sendwf=", StringComparison.Ordinal));
        return new StudioCookie(client, cookie.Split(';')[0]);
    }

    /// <summary>The antiforgery token of a signed-in page (tokens belong to the user they were issued to).</summary>
    public async Task<string> AntiforgeryTokenAsync() => TokenIn(await Client.GetStringAsync("/calendar"));

    public static string TokenIn(string html)
    {
        var input = TokenInput().Match(html);
        Assert.True(input.Success, "no antiforgery token on the page");
        return WebUtility.HtmlDecode(TokenValue().Match(input.Value).Groups[1].Value);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex TokenValue();

    public void Dispose() => Client.Dispose();
}
