using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Infrastructure;

/// <summary>
/// Drives the service through its HTTP API the way another system would, so scenario tests read like the
/// pathway: a pupil starts, time passes, a review records progress, the pupil moves.
/// </summary>
public sealed class Pathway : IAsyncDisposable
{
    private static int _pupils;

    /// <param name="settings">Settings over the defaults, e.g. the <c>Email</c> ones of an <see cref="SmtpSink"/>.</param>
    /// <param name="provider">The database the service runs on.</param>
    public Pathway(string? start = "2026-10-12", string? databaseFile = null, string? definitionsPath = null, CapturedLogs? logs = null,
        IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Factory = new ServiceFactory(start, databaseFile, definitionsPath)
        {
            Logs = logs, Settings = settings is null ? [] : new(settings), Provider = provider,
        };
        Http = Factory.CreateClient();
    }

    public ServiceFactory Factory { get; }
    public HttpClient Http { get; }

    public static async Task<Pathway> StartAsync(string? start = "2026-10-12", string? databaseFile = null, string? definitionsPath = null,
        IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var p = new Pathway(start, databaseFile, definitionsPath, settings: settings, provider: provider);
        await p.EnsureSchoolAsync();
        return p;
    }

    public async Task EnsureSchoolAsync()
    {
        var borough = await Http.GetAsync("/api/boroughs/demo-borough");
        if (borough.StatusCode == HttpStatusCode.NotFound)
        {
            (await Http.PostAsJsonAsync("/api/boroughs", new { id = "demo-borough", name = "Demo Borough" })).EnsureSuccessStatusCode();
            (await Http.PostAsJsonAsync("/api/schools", new { id = "oakfield", name = "Oakfield Primary", boroughId = "demo-borough" }))
                .EnsureSuccessStatusCode();
        }
    }

    /// <summary>The password every member of staff a scenario creates has.</summary>
    public const string StaffPassword = "Correct-horse-1";

    /// <summary>A member of a school's staff, created by the administrator and signed in.</summary>
    public async Task<HttpClient> StaffAsync(string user, string role, string displayName = "", string schoolId = "oakfield",
        string? classes = null)
    {
        var created = await Http.PostAsJsonAsync("/api/users", new
        {
            email = $"{user}@test.example", displayName = displayName.Length > 0 ? displayName : $"The {user}", role, schoolId, classes,
            password = StaffPassword,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return await SignInAsync(user);
    }

    /// <summary>Signed in now: a token lasts hours of the simulated clock, not the months a scenario moves it on.</summary>
    public async Task<HttpClient> SignInAsync(string user)
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var token = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = $"{user}@test.example", password = StaffPassword });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        var client = Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (string)(await token.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!);
        return client;
    }

    public async Task<string> NewPupilAsync(int yearGroup = 3)
    {
        var id = $"pupil-{Interlocked.Increment(ref _pupils)}-{Guid.NewGuid():N}"[..30];
        var response = await Http.PostAsJsonAsync("/api/pupils",
            new { id, name = "Test Pupil", dateOfBirth = "2018-05-01", schoolId = "oakfield", yearGroup });
        response.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A new pupil started on the pathway today; returns the instance.</summary>
    public async Task<JsonObject> StartPupilAsync(string definitionId = "send-pathway", int yearGroup = 3)
    {
        var pupil = await NewPupilAsync(yearGroup);
        var response = await Http.PostAsJsonAsync("/api/instances", new { definitionId, pupilId = pupil });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<JsonObject> RaiseAsync(string instanceId, string name, object? data = null)
    {
        var response = await Http.PostAsJsonAsync($"/api/instances/{instanceId}/events", new { name, data });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{name}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public Task<JsonObject> ReviewAsync(string instanceId, string progress) =>
        RaiseAsync(instanceId, "review.completed", new { progress });

    public async Task<JsonObject> InstanceAsync(string instanceId) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;

    /// <summary>The workflow the instance started for the same pupil (the latest of that definition).</summary>
    public async Task<JsonObject> ChildAsync(string parentInstanceId, string definitionId)
    {
        var pupil = (string)(await InstanceAsync(parentInstanceId))["pupilId"]!;
        var instances = (await Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/instances"))!;
        var child = instances.Last(i => (string?)i!["definitionId"] == definitionId)!;
        return await InstanceAsync((string)child["id"]!);
    }

    public async Task<JsonArray> JournalAsync(string instanceId) =>
        (await Http.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/journal"))!;

    public async Task AdvanceToAsync(string date)
    {
        var response = await Http.PostAsJsonAsync("/api/clock/advance", new { to = date });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task AdvanceDaysAsync(double days)
    {
        var response = await Http.PostAsJsonAsync("/api/clock/advance", new { days });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A pupil moved to the given stage by the pathway's own events.</summary>
    public async Task<string> PupilAtAsync(string state, int yearGroup = 3)
    {
        var id = (string)(await StartPupilAsync(yearGroup: yearGroup))["id"]!;
        if (state == "cause-of-concern") return id;
        var to = await RaiseAsync(id, "assessment.requested", new { by = "school" });
        Assert.Equal("statutory-assessment", (string?)to["to"]);
        switch (state)
        {
            case "statutory-assessment":
                return id;
            case "sen-support-agencies":
                await RaiseAsync(id, "plan.refused");
                return id;
            case "ehcp":
                await RaiseAsync(id, "plan.issued");
                return id;
            case "sen-support":
                await RaiseAsync(id, "plan.issued");
                await RaiseAsync(id, "plan.ceased");
                return id;
            case "initial-concern":
                await RaiseAsync(id, "plan.issued");
                await RaiseAsync(id, "plan.ceased");
                await ReviewAsync(id, "good");
                return id;
            default:
                throw new ArgumentException(state);
        }
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        return JsonNode.Parse(body)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
    }
}
