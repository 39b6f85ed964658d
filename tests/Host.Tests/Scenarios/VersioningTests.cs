using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

public class VersioningTests : ProviderSuite
{
    private static async Task<JsonObject> PublishedPathwayAsync(Pathway p) =>
        (await p.Http.GetFromJsonAsync<JsonObject>("/api/definitions/send-pathway?version=published"))!;

    [Fact]
    public async Task NewPublishedVersion_LeavesRunningInstancesOnTheOldOne()
    {
        await using var p = await StartAsync("2026-10-12");
        var before = await p.StartPupilAsync();

        var doc = await PublishedPathwayAsync(p);
        doc["parameters"]!["earlyInterventionWeeks"]!["default"] = 4;
        var draft = await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", doc);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(2, (int?)(await draft.Content.ReadFromJsonAsync<JsonObject>())!["version"]);
        var published = await p.Http.PostAsync("/api/definitions/send-pathway/publish", null);
        Assert.Equal(2, (int?)(await published.Content.ReadFromJsonAsync<JsonObject>())!["version"]);

        var after = await p.StartPupilAsync();
        Assert.Equal(2, (int?)after["version"]);
        Assert.Equal("2026-11-16", (string?)after["pendingTimers"]![0]!["dueOn"]);

        await p.AdvanceToAsync("2026-11-16");
        Assert.True((bool)(await p.ReviewAsync((string)after["id"]!, "little"))["transitioned"]!);
        var old = await p.ReviewAsync((string)before["id"]!, "little");
        Assert.False((bool)old["transitioned"]!);
        Assert.Equal(1, (int?)(await p.InstanceAsync((string)before["id"]!))["version"]);

        var versions = (await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!;
        Assert.Equal(["retired", "published"], versions.Select(v => (string)v!["status"]!).ToArray());
        var v1 = (await p.Http.GetFromJsonAsync<JsonObject>("/api/definitions/send-pathway?version=1"))!;
        Assert.Equal(6, (int?)v1["parameters"]!["earlyInterventionWeeks"]!["default"]);
    }

    [Fact]
    public async Task Publish_InvalidDraft_IsRefusedWithEveryError_AndNothingIsPublished()
    {
        await using var p = await StartAsync();
        var doc = await PublishedPathwayAsync(p);
        doc["states"]!.AsArray().Add(new JsonObject { ["id"] = "orphan", ["name"] = "Nobody gets here" });
        doc["transitions"]!.AsArray().Add(new JsonObject { ["id"] = "from-closed", ["from"] = "closed", ["to"] = "ghost", ["on"] = "x" });
        doc["parameters"]!["earlyInterventionWeeks"]!.AsObject().Remove("default");
        var save = await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", doc);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var saved = (await save.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(saved["errors"]!.AsArray().Count >= 4);

        var publish = await p.Http.PostAsync("/api/definitions/send-pathway/publish", null);
        var problem = await Pathway.ProblemAsync(publish, HttpStatusCode.UnprocessableEntity);
        var codes = problem["errors"]!.AsArray().Select(e => (string)e!["code"]!).ToList();
        Assert.Contains("unknown-state", codes);
        Assert.Contains("transition-from-terminal", codes);
        Assert.Contains("parameter-without-default", codes);
        Assert.Contains("unreachable-state", codes);

        var list = (await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions"))!;
        Assert.Equal(1, (int?)list.Single(d => (string?)d!["id"] == "send-pathway")!["publishedVersion"]);
        Assert.Equal(2, (int?)list.Single(d => (string?)d!["id"] == "send-pathway")!["latestVersion"]);
        Assert.Equal(1, (int?)(await p.StartPupilAsync())["version"]);
    }

    [Fact]
    public async Task SaveDraft_WithARuleThatDoesNotCompile_IsRefusedNamingTheRule()
    {
        await using var p = await StartAsync();
        var doc = await PublishedPathwayAsync(p);
        doc["transitions"]![0]!["rule"]!["expression"] = "facts.SchoolWeeksInStag >= 6";
        var save = await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", doc);
        var problem = await Pathway.ProblemAsync(save, HttpStatusCode.UnprocessableEntity);
        var error = problem["errors"]![0]!;
        Assert.Equal("stage1-no-progress", (string?)error["targetId"]);
        Assert.Contains("NoOrLittleProgressAfterEarlyIntervention", (string?)error["message"]);
        Assert.Contains("SchoolWeeksInStag", (string?)error["message"]);
        var versions = (await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!;
        Assert.Single(versions);
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("facts.GetType().Assembly.FullName != \"\"")]
    [InlineData("Environment.GetEnvironmentVariable(\"PATH\") != null")]
    public async Task SaveDraft_WithAnUnsafeRule_IsRefused(string expression)
    {
        await using var p = await StartAsync();
        var doc = await PublishedPathwayAsync(p);
        doc["transitions"]![0]!["rule"]!["expression"] = expression;
        var save = await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", doc);
        await Pathway.ProblemAsync(save, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Revert_MakesANewDraftFromAnOldVersion()
    {
        await using var p = await StartAsync();
        var doc = await PublishedPathwayAsync(p);
        doc["name"] = "Changed pathway";
        (await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", doc)).EnsureSuccessStatusCode();
        (await p.Http.PostAsync("/api/definitions/send-pathway/publish", null)).EnsureSuccessStatusCode();

        var revert = await p.Http.PostAsync("/api/definitions/send-pathway/revert/1", null);
        Assert.Equal(3, (int?)(await revert.Content.ReadFromJsonAsync<JsonObject>())!["version"]);
        var latest = (await p.Http.GetFromJsonAsync<JsonObject>("/api/definitions/send-pathway?version=latest"))!;
        Assert.Equal("SEND graduated pathway", (string?)latest["name"]);
        Assert.Equal(3, (int?)latest["version"]);
        var versions = (await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!;
        Assert.Equal("draft", (string?)versions.Last()!["status"]);
    }

    [Fact]
    public async Task SecondEditor_SavingAStaleDraft_IsToldItChanged_AndLosesNothing()
    {
        await using var p = await StartAsync();
        var doc = await PublishedPathwayAsync(p);
        doc["name"] = "First editor";
        var first = (await (await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", doc)).Content.ReadFromJsonAsync<JsonObject>())!;
        var revision = (int)first["revision"]!;
        doc["name"] = "First editor again";
        (await p.Http.PutAsJsonAsync($"/api/definitions/send-pathway/draft?revision={revision}", doc)).EnsureSuccessStatusCode();

        doc["name"] = "Second editor";
        var stale = await p.Http.PutAsJsonAsync($"/api/definitions/send-pathway/draft?revision={revision}", doc);
        await Pathway.ProblemAsync(stale, HttpStatusCode.Conflict);
        var latest = (await p.Http.GetFromJsonAsync<JsonObject>("/api/definitions/send-pathway?version=latest"))!;
        Assert.Equal("First editor again", (string?)latest["name"]);
    }

    [Fact]
    public async Task StartUpImport_SkipsIdenticalContent_AndPublishesChangedContent()
    {
        var folder = Path.Combine(TestFiles.Folder(), "definitions");
        Directory.CreateDirectory(Path.Combine(folder, "workflows"));
        Directory.CreateDirectory(Path.Combine(folder, "calendars"));
        File.Copy(Path.Combine(RepoPaths.Definitions, "calendars", "demo-borough.json"), Path.Combine(folder, "calendars", "demo-borough.json"));
        var file = Path.Combine(folder, "workflows", "send-pathway.json");
        File.Copy(Path.Combine(RepoPaths.Definitions, "workflows", "send-pathway.json"), file);
        var db = Path.Combine(folder, "..", "service.db");

        await using (var first = await StartAsync(definitionsPath: folder, databaseFile: db))
        {
            Assert.Single((await first.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!);
        }
        await using (var again = await StartAsync(definitionsPath: folder, databaseFile: db))
        {
            Assert.Single((await again.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!);
        }
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"SEND graduated pathway\"", "\"SEND graduated pathway (borough edition)\""));
        await using (var changed = await StartAsync(definitionsPath: folder, databaseFile: db))
        {
            var versions = (await changed.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!;
            Assert.Equal(["retired", "published"], versions.Select(v => (string)v!["status"]!).ToArray());
        }
    }
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class VersioningTestsOnPostgres : VersioningTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
