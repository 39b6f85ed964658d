using System.Net.Http.Json;

namespace SendWorkflow.Studio.Tests.Infrastructure;

/// <summary>One service and one Chromium for all the browser tests: starting them is the slow part.</summary>
public sealed class StudioFixture : IAsyncLifetime
{
    private static int _pupils;

    public StudioHost Host { get; } = new();
    public HttpClient Http { get; private set; } = default!;
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Host.StartServer();
        Http = new HttpClient { BaseAddress = new Uri(Host.BaseAddress) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StudioHost.AdminToken);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // A 2-core machine running the load and kill tests of the other suites beside these can take many seconds for one
        // render (a CI run saw 20 s); Expect and every action still return as soon as the page is right.
        Assertions.SetDefaultExpectTimeout(40_000);
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Playwright's own browser download does not work here: Debian's Chromium is used instead.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run"],
        });
        (await Http.PostAsJsonAsync("/api/boroughs", new { id = "demo-borough", name = "Demo Borough" })).EnsureSuccessStatusCode();
        (await Http.PostAsJsonAsync("/api/schools", new { id = "oakfield", name = "Oakfield Primary", boroughId = "demo-borough" }))
            .EnsureSuccessStatusCode();
        (await Http.PostAsJsonAsync("/api/users", new
        {
            email = SencoEmail, displayName = "Sam Patel", role = "senco", schoolId = "oakfield", password = Password,
        })).EnsureSuccessStatusCode();
    }

    public const string SencoEmail = "senco@oakfield.test";
    public const string Password = "Studio-tests-1";

    /// <summary>Signs the browser context in through the sign-in page, as a SENCo unless told otherwise.</summary>
    public static async Task SignInAsync(IPage page, string email = SencoEmail, string password = Password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    public async Task<IPage> NewPageAsync(bool signedIn = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress,
            ViewportSize = new ViewportSize { Width = 1600, Height = 950 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(45_000);
        var page = await context.NewPageAsync();
        // The browser's own errors explain a failing step better than a timeout does.
        page.Console += (_, m) => { if (m.Type is "error" or "warning") Console.WriteLine($"[browser {m.Type}] {m.Text}"); };
        page.PageError += (_, e) => Console.WriteLine($"[browser page error] {e}");
        var violations = Violations.GetOrCreateValue(page);
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (violations) violations.Add(m.Text);
        };
        if (signedIn) await SignInAsync(page);
        return page;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Violations = new();

    /// <summary>What the browser refused on this page because of the Content-Security-Policy (its console says so).</summary>
    public static IReadOnlyList<string> CspViolations(IPage page)
    {
        var violations = Violations.GetOrCreateValue(page);
        lock (violations) return [.. violations];
    }

    /// <summary>Opens a Studio page and waits until it is live (its buttons answer), not just drawn by the server.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
    }

    /// <summary>A pupil of Oakfield started on the published version of a definition; returns the instance id.</summary>
    public async Task<(string PupilId, string InstanceId)> StartPupilAsync(string name, string definitionId = "send-pathway",
        string? className = null)
    {
        var id = $"pupil-{Interlocked.Increment(ref _pupils)}";
        (await Http.PostAsJsonAsync("/api/pupils", new { id, name, dateOfBirth = "2018-05-01", schoolId = "oakfield", yearGroup = 3, className }))
            .EnsureSuccessStatusCode();
        var response = await Http.PostAsJsonAsync("/api/instances", new { definitionId, pupilId = id });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        return (id, (string)body!["id"]!);
    }

    /// <summary>A member of Oakfield's staff (or, for an LA officer, the demo borough's) with the tests' password.</summary>
    public async Task CreateStaffAsync(string email, string displayName, string role, string? classes = null) =>
        (await Http.PostAsJsonAsync("/api/users", new
        {
            email, displayName, role, classes, password = Password,
            schoolId = role == "la-officer" ? null : "oakfield", boroughId = role == "la-officer" ? "demo-borough" : null,
        })).EnsureSuccessStatusCode();

    public async Task RaiseAsync(string instanceId, string name, object? data = null) =>
        (await Http.PostAsJsonAsync($"/api/instances/{instanceId}/events", new { name, data })).EnsureSuccessStatusCode();

    /// <summary>Moves the shared clock to the pupil's stage-1 review, wherever other tests have left it.</summary>
    public async Task AdvanceToReviewAsync(string instanceId)
    {
        var instance = await Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/instances/{instanceId}");
        var due = instance!["pendingTimers"]!.AsArray().Where(t => (string)t!["timer"]! == "timeframe-review").Select(t => (string)t!["dueAt"]!)
            .Single();
        (await Http.PostAsJsonAsync("/api/clock/advance", new { to = due })).EnsureSuccessStatusCode();
    }

    public async Task AdvanceToAsync(string date) =>
        (await Http.PostAsJsonAsync("/api/clock/advance", new { to = date })).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        Http.Dispose();
        await Host.DisposeAsync();
        try
        {
            File.Delete(Host.DatabaseFile);
        }
        catch (IOException)
        {
            // SQLite may still hold it on a slow machine; the temp folder is cleared by the OS.
        }
    }
}
