using System.Text;

namespace SendWorkflow.Host.Tests.Api;

public sealed class DefinitionsApiTests
{
    private static readonly string[] WeeksParameter = ["weeks"];

    [Fact]
    public async Task Export_ThenImportUnderANewId_CreatesADraftThatCanBePublished()
    {
        await using var p = await Pathway.StartAsync();
        var export = await p.Http.GetAsync("/api/definitions/send-pathway/export?version=1");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("send-pathway.v1.json", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var doc = JsonNode.Parse(await export.Content.ReadAsStringAsync())!.AsObject();
        doc["id"] = "oakfield-pathway";
        doc["name"] = "Oakfield's own pathway";

        var import = await p.Http.PostAsJsonAsync("/api/definitions/import", doc);
        var result = (await import.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("draft", (string?)result["outcome"]);
        (await p.Http.PostAsync("/api/definitions/oakfield-pathway/publish", null)).EnsureSuccessStatusCode();
        var started = await p.StartPupilAsync("oakfield-pathway");
        Assert.Equal("oakfield-pathway", (string?)started["definitionId"]);

        var again = await p.Http.PostAsJsonAsync("/api/definitions/import?publish=true", doc);
        Assert.Equal("unchanged", (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["outcome"]);
    }

    [Fact]
    public async Task Import_OfAMalformedFile_IsRefused_AndNothingIsStored()
    {
        await using var p = await Pathway.StartAsync();
        var response = await p.Http.PostAsync("/api/definitions/import",
            new StringContent("{\"id\":\"x\",\"states\":null}", Encoding.UTF8, "application/json"));
        var problem = await Pathway.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("states", (string?)problem["detail"]);
        Assert.DoesNotContain((await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions"))!, d => (string?)d!["id"] == "x");
    }

    [Fact]
    public async Task Validate_ListsErrorsWithoutSaving()
    {
        await using var p = await Pathway.StartAsync();
        var doc = (await p.Http.GetFromJsonAsync<JsonObject>("/api/definitions/send-pathway"))!;
        doc["transitions"]![0]!["to"] = "ghost";
        var result = (await (await p.Http.PostAsJsonAsync("/api/definitions/validate", doc)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)result["valid"]!);
        Assert.Equal("stage1-no-progress", (string?)result["errors"]![0]!["targetId"]);
        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!);
    }

    [Fact]
    public async Task RuleCheck_ExplainsAnErrorInDefinitionWording()
    {
        await using var p = await Pathway.StartAsync();
        var bad = (await (await p.Http.PostAsJsonAsync("/api/rules/check",
            new { expression = "facts.SchoolWeeksInStag >= params.weeks", parameters = WeeksParameter })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)bad["ok"]!);
        Assert.Contains("SchoolWeeksInStage", (string?)bad["errors"]![0]!["message"]);
        var good = (await (await p.Http.PostAsJsonAsync("/api/rules/check",
            new { expression = "facts.SchoolWeeksInStage >= params.weeks", parameters = WeeksParameter })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)good["ok"]!);
    }

    [Fact]
    public async Task RuleCheck_ReadsTheDraftsFindings_AndAFindingsOwnRuleMayNotReadFindings()
    {
        await using var p = await Pathway.StartAsync();
        async Task<JsonObject> Check(object body) =>
            (await (await p.Http.PostAsJsonAsync("/api/rules/check", body)).Content.ReadFromJsonAsync<JsonObject>())!;

        var without = await Check(new { expression = "findings.PersistentConcern && facts.Stage == 1", parameters = WeeksParameter });
        Assert.False((bool)without["ok"]!);
        Assert.Contains("findings.PersistentConcern", (string?)without["errors"]![0]!["message"]);
        var with = await Check(new
        {
            expression = "findings.PersistentConcern && facts.Stage == 1", parameters = WeeksParameter, findings = PersistentConcern,
        });
        Assert.True((bool)with["ok"]!, with.ToJsonString());
        var typo = await Check(new { expression = "findings.PersistentConcen", parameters = WeeksParameter, findings = PersistentConcern });
        Assert.False((bool)typo["ok"]!);
        Assert.Contains("findings.PersistentConcen", (string?)typo["errors"]![0]!["message"]);

        var finding = await Check(new
        {
            expression = "reviews.Count(r => r.WithoutProgress && r.TermsAgo < 2) >= 2", parameters = WeeksParameter,
            findings = PersistentConcern, isFinding = true,
        });
        Assert.True((bool)finding["ok"]!, finding.ToJsonString());
        var readsAFinding = await Check(new
        {
            expression = "findings.PersistentConcern", parameters = WeeksParameter, findings = PersistentConcern, isFinding = true,
        });
        Assert.False((bool)readsAFinding["ok"]!);
    }

    private static readonly string[] PersistentConcern = ["persistent-concern"];

    [Fact]
    public async Task TheApiDocumentsItself()
    {
        await using var p = await Pathway.StartAsync();
        var openapi = (await p.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        Assert.NotNull(openapi["paths"]!["/api/instances/{id}/events"]);
        var page = await p.Http.GetAsync("/api-docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
    }
}
