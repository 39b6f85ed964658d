using System.Diagnostics;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>Sign-in is rate limited, says nothing about which accounts exist, and can't be sent elsewhere afterwards.</summary>
public sealed class SignInTests
{
    private const string Password = "Correct-horse-1";

    [Fact]
    public async Task TheTokenEndpoint_Answers429BeyondTheAccountsLimit_WhateverTheCaseOfTheEmail()
    {
        await using var f = await StartAsync(perAccount: 3, perAddress: 100, "sam@test.example", "jo@test.example");
        using var anonymous = f.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(anonymous, "sam@test.example", "wrong")).StatusCode);
        var limited = await TokenAsync(anonymous, "SAM@Test.Example", Password);
        await AssertTooManyAsync(limited);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(anonymous, "jo@test.example", Password)).StatusCode);
        var rejected = (await f.CreateClient().GetFromJsonAsync<JsonArray>("/api/audit?action=rejected"))!;
        Assert.Contains(rejected, a => (int)a!["status"]! == 429);
    }

    [Fact]
    public async Task TheTokenEndpoint_Answers429BeyondTheAddresssLimit()
    {
        await using var f = await StartAsync(perAccount: 100, perAddress: 4, "sam@test.example");
        using var anonymous = f.CreateAnonymousClient();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(anonymous, $"nobody{i}@test.example", "wrong")).StatusCode);
        await AssertTooManyAsync(await TokenAsync(anonymous, "sam@test.example", Password));
    }

    [Fact]
    public async Task TheStudiosSignInForm_Answers429BeyondTheLimit()
    {
        await using var f = await StartAsync(perAccount: 2, perAddress: 100, "sam@test.example");
        using var client = StudioCookie.NewClient(f);
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await StudioCookie.PostSignInAsync(client, "sam@test.example", "wrong")).StatusCode);
        await AssertTooManyAsync(await StudioCookie.PostSignInAsync(client, "sam@test.example", Password));
    }

    [Fact]
    public async Task AnUnknownEmail_AWrongPassword_AndALockedAccount_GetTheSameAnswer()
    {
        await using var f = await StartAsync(perAccount: 100, perAddress: 100, "sam@test.example", "jo@test.example");
        using var anonymous = f.CreateAnonymousClient();
        for (var i = 0; i < 5; i++) await TokenAsync(anonymous, "jo@test.example", "wrong");
        var answers = new[]
        {
            await TokenAsync(anonymous, "nobody@test.example", Password),
            await TokenAsync(anonymous, "sam@test.example", "wrong"),
            await TokenAsync(anonymous, "jo@test.example", Password),
        };
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            var problem = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("The email or password is wrong.", (string?)problem["detail"]);
            Assert.Equal("Not signed in", (string?)problem["title"]);
        }

        using var client = StudioCookie.NewClient(f);
        foreach (var (email, password) in new[] { ("nobody@test.example", Password), ("sam@test.example", "wrong"), ("jo@test.example", Password) })
        {
            var form = await StudioCookie.PostSignInAsync(client, email, password);
            Assert.Equal("/signin?error=wrong&returnUrl=%2F", form.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task AnUnknownEmail_TakesAsLongAsAWrongPassword()
    {
        string[] accounts = ["a@test.example", "b@test.example", "c@test.example"];
        await using var f = await StartAsync(perAccount: 100, perAddress: 100, accounts);
        using var anonymous = f.CreateAnonymousClient();
        await TokenAsync(anonymous, "warm-up@test.example", "wrong");
        await TokenAsync(anonymous, accounts[0], Password);
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            unknown.Add(await TimeAsync(() => TokenAsync(anonymous, $"nobody{i}@test.example", "wrong-password")));
            // At most four wrong passwords per account, so none is locked and each one is a real check.
            wrong.Add(await TimeAsync(() => TokenAsync(anonymous, accounts[i % 3], "wrong-password")));
        }
        double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        var (u, w) = (Median(unknown), Median(wrong));
        Assert.True(Math.Max(u, w) <= 3 * Math.Min(u, w) || Math.Abs(u - w) < 5,
            $"median of an unknown email {u:F1} ms, of a wrong password {w:F1} ms");
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\\\\evil.example")]
    [InlineData("\t//evil.example")]
    public async Task AReturnAddressElsewhere_LandsOnTheHomePage(string returnUrl)
    {
        await using var f = await StartAsync(perAccount: 100, perAddress: 100, "sam@test.example");
        using var client = StudioCookie.NewClient(f);
        var answer = await StudioCookie.PostSignInAsync(client, "sam@test.example", Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location?.OriginalString);
        var wrong = await StudioCookie.PostSignInAsync(StudioCookie.NewClient(f), "sam@test.example", "wrong", returnUrl);
        Assert.Equal("/signin?error=wrong&returnUrl=%2F", wrong.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AReturnAddressOnThisSite_IsKept()
    {
        await using var f = await StartAsync(perAccount: 100, perAddress: 100, "sam@test.example");
        using var client = StudioCookie.NewClient(f);
        var answer = await StudioCookie.PostSignInAsync(client, "sam@test.example", Password, "/pupils/ava?tab=record");
        Assert.Equal("/pupils/ava?tab=record", answer.Headers.Location?.OriginalString);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.True(answer.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {answer.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many attempts", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<double> TimeAsync(Func<Task> attempt)
    {
        var clock = Stopwatch.StartNew();
        await attempt();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/token", new { email, password });

    private static async Task<ServiceFactory> StartAsync(int perAccount, int perAddress, params string[] senco)
    {
        var f = new ServiceFactory
        {
            Settings =
            {
                ["RateLimits:SignInPerAccountPerMinute"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimits:SignInPerAddressPerMinute"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        var admin = f.CreateClient();
        (await admin.PostAsJsonAsync("/api/boroughs", new { id = "demo-borough", name = "Demo Borough" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/schools", new { id = "oakfield", name = "Oakfield Primary", boroughId = "demo-borough" }))
            .EnsureSuccessStatusCode();
        foreach (var email in senco)
        {
            var user = new { email, displayName = "Sam Patel", role = "senco", schoolId = "oakfield", password = Password };
            (await admin.PostAsJsonAsync("/api/users", user)).EnsureSuccessStatusCode();
        }
        return f;
    }
}
