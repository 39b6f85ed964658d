namespace SendWorkflow.Host.Tests.Security;

/// <summary>
/// A school may publish its own variant of a pathway and a borough its own; a pupil runs their school's, else their
/// borough's, else the default. A SENCo changes their school's variant only, an LA officer their borough's.
/// </summary>
public sealed class DefinitionVariantTests
{
    private static async Task<JsonObject> PathwayWithEarlyInterventionWeeksAsync(int weeks)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Definitions, "workflows", "send-pathway.json")))!;
        document["parameters"]!["earlyInterventionWeeks"]!["default"] = weeks;
        return document.AsObject();
    }

    private static async Task<int> StartVersionAsync(StaffWorld w, string pupil, string school)
    {
        var body = new { id = pupil, name = "New Pupil", dateOfBirth = "2018-05-01", schoolId = school, yearGroup = 3 };
        (await w.P.Http.PostAsJsonAsync("/api/pupils", body)).EnsureSuccessStatusCode();
        var started = await w.P.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = pupil });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (int)(await started.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
    }

    [Fact]
    public async Task ASencosChange_ReachesTheirSchoolsNewPupils_AndNoOtherSchools()
    {
        await using var w = await StaffWorld.CreateAsync();
        using var senco = w.As("senco");
        var saved = await senco.PutAsJsonAsync("/api/definitions/send-pathway/draft", await PathwayWithEarlyInterventionWeeksAsync(1));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var published = (await (await senco.PostAsync("/api/definitions/send-pathway/publish", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("school:oakfield", (string?)published["scope"]);
        var version = (int)published["version"]!;

        Assert.Equal(version, await StartVersionAsync(w, "new-oak", "oakfield"));
        Assert.Equal(1, await StartVersionAsync(w, "new-elm", "elm"));
        var list = (await senco.GetFromJsonAsync<JsonArray>("/api/definitions"))!.Single(d => (string?)d!["id"] == "send-pathway")!;
        Assert.Equal(version, (int)list["runsVersion"]!);
        Assert.Equal("school:oakfield", (string?)list["runsScope"]);
        var elmsView = (await w.As("elm-senco").GetFromJsonAsync<JsonArray>("/api/definitions"))!.Single(d => (string?)d!["id"] == "send-pathway")!;
        Assert.Equal(1, (int)elmsView["runsVersion"]!);
    }

    [Fact]
    public async Task ASenco_CannotChangeTheDefault_OrAnotherSchoolsVariant()
    {
        await using var w = await StaffWorld.CreateAsync();
        var document = await PathwayWithEarlyInterventionWeeksAsync(1);
        foreach (var scope in new[] { "", "school:elm", "borough:demo-borough" })
        {
            var response = await w.As("senco").PutAsJsonAsync($"/api/definitions/send-pathway/draft?scope={scope}", document);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"scope '{scope}': {(int)response.StatusCode}");
        }
        var versions = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!;
        Assert.Single(versions);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.As("teacher").PutAsJsonAsync("/api/definitions/send-pathway/draft", document)).StatusCode);
    }

    [Fact]
    public async Task ABoroughsVariant_ReachesItsSchoolsWithoutTheirOwn()
    {
        await using var w = await StaffWorld.CreateAsync();
        using var la = w.As("la-north");
        Assert.Equal(HttpStatusCode.OK,
            (await la.PutAsJsonAsync("/api/definitions/send-pathway/draft", await PathwayWithEarlyInterventionWeeksAsync(4))).StatusCode);
        var published = (await (await la.PostAsync("/api/definitions/send-pathway/publish", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("borough:north", (string?)published["scope"]);

        Assert.Equal((int)published["version"]!, await StartVersionAsync(w, "north-pupil", "elm"));
        Assert.Equal(1, await StartVersionAsync(w, "demo-pupil", "oakfield"));
        var versions = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!;
        var variant = versions.Single(v => (string?)v!["scope"] == "borough:north")!;
        Assert.Equal(1, (int)variant["basedOn"]!);
    }
}
