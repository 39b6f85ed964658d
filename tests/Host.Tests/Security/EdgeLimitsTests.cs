namespace SendWorkflow.Host.Tests.Security;

/// <summary>What the edge refuses before anything is stored, and what each role may read of schools and boroughs.</summary>
public sealed class EdgeLimitsTests
{
    [Theory]
    [InlineData("Ava\u0000Smith")]
    [InlineData("Ava\r\nSmith")]
    [InlineData("Ava \u001b[31mSmith")]
    [InlineData("Ava \u202eSmith")]
    [InlineData("\u2066Ava\u2069")]
    public async Task ANameWithControlOrDirectionCharacters_IsRefused_AndNoPupilIsAdded(string name)
    {
        await using var w = await StaffWorld.CreateAsync();
        var response = await w.As("senco").PostAsJsonAsync("/api/pupils",
            new { id = "hidden", name, dateOfBirth = "2018-05-01", schoolId = "oakfield", yearGroup = 3, className = "3 Oak" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("control characters or direction marks", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await w.P.Http.GetAsync("/api/pupils/hidden")).StatusCode);
    }

    [Fact]
    public async Task AClassNameWithADirectionMark_IsRefusedOnUpdate()
    {
        await using var w = await StaffWorld.CreateAsync();
        var response = await w.As("senco").PutAsJsonAsync("/api/pupils/ava", new { className = "3 \u202eOak" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("3 Oak", (string?)(await w.P.Http.GetFromJsonAsync<JsonObject>("/api/pupils/ava"))!["className"]);
    }

    [Fact]
    public async Task SchoolsAndBoroughs_AreReadByTheirOwnPeople_AndAreNotFoundByOthers()
    {
        await using var w = await StaffWorld.CreateAsync();
        (string User, string Path, HttpStatusCode Status)[] cases =
        [
            ("senco", "/api/schools/oakfield", HttpStatusCode.OK), ("senco", "/api/schools/elm", HttpStatusCode.NotFound),
            ("elm-senco", "/api/schools/oakfield", HttpStatusCode.NotFound), ("la", "/api/schools/oakfield", HttpStatusCode.OK),
            ("la-north", "/api/schools/oakfield", HttpStatusCode.NotFound), ("governor", "/api/schools/oakfield", HttpStatusCode.OK),
            ("senco", "/api/boroughs/demo-borough", HttpStatusCode.OK), ("senco", "/api/boroughs/north", HttpStatusCode.NotFound),
            ("la", "/api/boroughs/north", HttpStatusCode.NotFound), ("la-north", "/api/boroughs/north", HttpStatusCode.OK),
            ("admin", "/api/boroughs/north", HttpStatusCode.OK), ("admin", "/api/schools/elm", HttpStatusCode.OK),
        ];
        foreach (var (user, path, status) in cases)
            Assert.True(status == (await w.As(user).GetAsync(path)).StatusCode, $"{user} reading {path}");
        var denied = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=denied"))!;
        Assert.Contains(denied, a => (string?)a!["path"] == "/api/schools/elm" && (string?)a["userName"] == "The senco");
    }

    [Fact]
    public async Task EventData_HoldsOnlyWhatTheEventDeclares_WithinItsLength_AndNothingIsJournaled()
    {
        await using var w = await StaffWorld.CreateAsync();
        var pathway = w.Pathways["ava"];
        var undeclared = await w.P.Http.PostAsJsonAsync($"/api/instances/{pathway}/events",
            new { name = "review.completed", data = new { progress = "expected", padding = new string('x', 1_000_000) } });
        Assert.Equal(HttpStatusCode.BadRequest, undeclared.StatusCode);
        Assert.Contains("does not carry 'padding'", await undeclared.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var requested = await w.P.Http.PostAsJsonAsync($"/api/instances/{pathway}/events",
            new { name = "assessment.requested", data = new { by = "school" } });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var instances = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/pupils/ava/instances"))!;
        var assessment = (string)instances.Single(i => (string?)i!["definitionId"] == "ehcp-assessment")!["id"]!;
        var journal = (await w.P.JournalAsync(assessment)).Count;
        foreach (var decidedBy in new[] { new string('x', 1_000_000), "   " })
        {
            var refused = await w.P.Http.PostAsJsonAsync($"/api/instances/{assessment}/events",
                new { name = "assessment.decided", data = new { assess = true, decidedOn = "2026-10-12", decidedBy } });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }
        Assert.Equal(journal, (await w.P.JournalAsync(assessment)).Count);
    }

    [Fact]
    public async Task ABodyWithADuplicateKey_IsRefused()
    {
        await using var w = await StaffWorld.CreateAsync();
        using var content = new StringContent("""{"name": "Ava", "name": "Eve"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await w.As("senco").PutAsync("/api/pupils/ava", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Pupil ava", (string?)(await w.P.Http.GetFromJsonAsync<JsonObject>("/api/pupils/ava"))!["name"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Send-Pathway")]
    [InlineData("a\u0000b")]
    public async Task ADefinitionIdOutsideThePattern_IsRefused_AndNothingIsStored(string id)
    {
        await using var w = await StaffWorld.CreateAsync();
        var file = Path.Combine(Infrastructure.RepoPaths.Definitions, "workflows", "send-pathway.json");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        document["id"] = System.Text.RegularExpressions.Regex.Unescape(id);
        var response = await w.P.Http.PostAsJsonAsync("/api/definitions/import", document);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var ids = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/definitions"))!.Select(d => (string?)d!["id"]).ToList();
        // Only the shipped definitions (each file named by its id): the refused import added none.
        var shipped = Directory.GetFiles(Path.Combine(Infrastructure.RepoPaths.Definitions, "workflows"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(shipped, ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2010-01-01")]
    public async Task AProvisionDateOutOfRange_OrBeforeThePupilWasBorn_IsRefused(string startsOn)
    {
        await using var w = await StaffWorld.CreateAsync();
        var response = await w.As("senco").PostAsJsonAsync("/api/pupils/ava/provisions", new
        {
            intervention = "Speech and language group", entryCriteria = "SLCN", exitCriteria = "Targets met", startsOn, deliveredBy = "TA",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await w.P.Http.GetFromJsonAsync<JsonObject>("/api/pupils/ava/record"))!["provisions"]!.AsArray());
    }

    [Theory]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("=HYPERLINK(\"http://evil.example\")")]
    public async Task ACsvCell_ThatASpreadsheetWouldRun_IsDefused(string intervention)
    {
        await using var w = await StaffWorld.CreateAsync();
        var added = await w.As("senco").PostAsJsonAsync("/api/pupils/ava/provisions", new
        {
            intervention, entryCriteria = "x", exitCriteria = "y", startsOn = "2026-10-12", deliveredBy = "TA",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var csv = await w.As("senco").GetStringAsync("/api/schools/oakfield/provision-map.csv");
        var cells = csv.Split('\n').Skip(1).SelectMany(line => line.Split(',')).Select(c => c.TrimStart('"')).ToList();
        Assert.Contains(cells, c => c.StartsWith('\'') && c.Contains('='));
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '@' or '\t' or '\r');
    }
}
