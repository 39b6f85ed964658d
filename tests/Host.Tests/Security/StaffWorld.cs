using System.Net.Http.Headers;
using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>
/// Two boroughs, three pupils and one member of staff per role: Oakfield (demo borough) has Ava in 3 Oak and Ben in
/// 4 Ash; Elm Grove (north borough) has Cal. Each user signs in for a bearer token through the API.
/// </summary>
public sealed class StaffWorld : IAsyncDisposable
{
    public const string Password = "Correct-horse-1";

    private StaffWorld(Pathway p) => P = p;

    public Pathway P { get; }
    public Dictionary<string, string> Tokens { get; } = [];
    public Dictionary<string, string> Pathways { get; } = [];
    public const string Ava = "ava", Ben = "ben", Cal = "cal";

    public static async Task<StaffWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var w = new StaffWorld(await Pathway.StartAsync("2026-10-12", provider: provider));
        var admin = w.P.Http;
        (await admin.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/schools", new { id = "elm", name = "Elm Grove", boroughId = "north" })).EnsureSuccessStatusCode();
        foreach (var (id, school, cls) in new[] { ("ava", "oakfield", "3 Oak"), ("ben", "oakfield", "4 Ash"), ("cal", "elm", "3 Oak") })
        {
            (await admin.PostAsJsonAsync("/api/pupils", new
            {
                id, name = $"Pupil {id}", dateOfBirth = "2018-05-01", schoolId = school, yearGroup = 3, className = cls, primaryNeed = "SLCN",
            })).EnsureSuccessStatusCode();
            var started = await admin.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = id });
            w.Pathways[id] = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }
        (string User, string Role, string? School, string? Borough, string? Classes)[] staff =
        [
            ("senco", "senco", "oakfield", null, null), ("teacher", "class-teacher", "oakfield", null, "3 Oak"),
            ("ta", "teaching-assistant", "oakfield", null, "3 Oak"), ("head", "headteacher", "oakfield", null, null),
            ("governor", "governor", "oakfield", null, null), ("la", "la-officer", null, "demo-borough", null),
            ("la-north", "la-officer", null, "north", null), ("elm-senco", "senco", "elm", null, null),
            ("admin", "administrator", null, null, null),
        ];
        foreach (var s in staff)
        {
            var created = await admin.PostAsJsonAsync("/api/users", new
            {
                email = $"{s.User}@test.example", displayName = $"The {s.User}", role = s.Role, schoolId = s.School, boroughId = s.Borough,
                classes = s.Classes, password = Password,
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            w.Tokens[s.User] = await w.SignInAsync($"{s.User}@test.example", Password);
        }
        return w;
    }

    /// <summary>Moves the simulated clock on; tokens last 8 hours of it, so everyone signs in again.</summary>
    public async Task AdvanceToAsync(string date)
    {
        await P.AdvanceToAsync(date);
        foreach (var user in Tokens.Keys.ToList()) Tokens[user] = await SignInAsync($"{user}@test.example", Password);
    }

    public async Task<string> SignInAsync(string email, string password)
    {
        using var anonymous = P.Factory.CreateAnonymousClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
    }

    /// <summary>A client signed in as the user.</summary>
    public HttpClient As(string user)
    {
        var client = P.Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[user]);
        return client;
    }

    public ValueTask DisposeAsync() => P.DisposeAsync();
}
