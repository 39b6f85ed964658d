using System.Text;

namespace SendWorkflow.Host.Tests.Api;

/// <summary>Each bad input gets a clear 4xx ProblemDetails and changes nothing.</summary>
public sealed class BadInputTests
{
    private static readonly int[] OneNumber = [1];

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task MalformedJson_Is400_AndCreatesNothing()
    {
        await using var p = await Pathway.StartAsync();
        var response = await p.Http.PostAsync("/api/pupils", Json("{\"id\": \"x1\", \"name\": "));
        var problem = await Pathway.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Http.GetAsync("/api/pupils/x1")).StatusCode);
    }

    [Fact]
    public async Task MalformedDefinitionJson_Is400()
    {
        await using var p = await Pathway.StartAsync();
        var response = await p.Http.PutAsync("/api/definitions/send-pathway/draft", Json("{ not json"));
        await Pathway.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!);
    }

    [Fact]
    public async Task ADocumentThatIsNotADefinition_Is400_NamingTheProblem()
    {
        await using var p = await Pathway.StartAsync();
        var response = await p.Http.PutAsync("/api/definitions/send-pathway/draft", Json("{\"id\":\"send-pathway\",\"colour\":\"blue\"}"));
        var problem = await Pathway.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("colour", (string?)problem["detail"]);
        var array = await p.Http.PutAsync("/api/definitions/send-pathway/draft", Json("[1,2,3]"));
        await Pathway.ProblemAsync(array, HttpStatusCode.BadRequest);
        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!);
    }

    [Fact]
    public async Task UnknownIds_Are404()
    {
        await using var p = await Pathway.StartAsync();
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/definitions/no-such-thing"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/definitions/send-pathway?version=9"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/pupils/nobody"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.GetAsync($"/api/instances/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.GetAsync($"/api/instances/{Guid.NewGuid()}/journal"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/instances/{Guid.NewGuid()}/events",
            new { name = "review.completed", data = new { progress = "little" } }), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/complete", new { outcome = "done" }),
            HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "no-such-thing", pupilId = "nobody" }),
            HttpStatusCode.NotFound);
        var pupil = await p.NewPupilAsync();
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "no-such-thing", pupilId = pupil }),
            HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = "nobody" }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnEventTheStateDoesNotKnow_Is409_AndTheJournalIsUnchanged()
    {
        await using var p = await Pathway.StartAsync();
        var id = (string)(await p.StartPupilAsync())["id"]!;
        var before = (await p.JournalAsync(id)).Count;
        var response = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events", new { name = "plan.issued" });
        var problem = await Pathway.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("review.completed", (string?)problem["detail"]);
        Assert.Equal(before, (await p.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task BadEventData_Is422_ListingEveryProblem_AndChangesNothing()
    {
        await using var p = await Pathway.StartAsync();
        var id = (string)(await p.StartPupilAsync())["id"]!;
        var before = (await p.JournalAsync(id)).Count;
        var missing = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events", new { name = "review.completed", data = new { notes = 5 } });
        var problem = await Pathway.ProblemAsync(missing, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, problem["errors"]!.AsArray().Count);
        var wrong = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events",
            new { name = "review.completed", data = new { progress = "brilliant" } });
        var wrongProblem = await Pathway.ProblemAsync(wrong, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("none, little, expected, good", (string?)wrongProblem["errors"]![0]!["message"]);
        var notObject = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events", new { name = "review.completed", data = OneNumber });
        await Pathway.ProblemAsync(notObject, HttpStatusCode.BadRequest);
        Assert.Equal(before, (await p.JournalAsync(id)).Count);
        Assert.Equal(0, (int?)(await p.InstanceAsync(id))["facts"]!["reviewsInStage"]);
    }

    [Fact]
    public async Task EventsForAnEndedInstance_Are409()
    {
        await using var p = await Pathway.StartAsync();
        var id = (string)(await p.StartPupilAsync())["id"]!;
        await p.ReviewAsync(id, "good");
        var response = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events",
            new { name = "review.completed", data = new { progress = "good" } });
        await Pathway.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task APupilWithEveryFieldWrong_Is400_ListingEveryProblem()
    {
        await using var p = await Pathway.StartAsync();
        var response = await p.Http.PostAsJsonAsync("/api/pupils",
            new { id = "bad id!", name = "", dateOfBirth = "2031-01-01", schoolId = "no-school", yearGroup = 20 });
        var problem = await Pathway.ProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem["errors"]!.AsArray().Select(e => (string)e!["field"]!).ToList();
        Assert.Equal(["id", "name", "dateOfBirth", "yearGroup", "schoolId"], fields);
        var impossibleDate = await p.Http.PostAsync("/api/pupils",
            Json("{\"name\":\"A\",\"dateOfBirth\":\"2018-02-30\",\"schoolId\":\"oakfield\",\"yearGroup\":2}"));
        await Pathway.ProblemAsync(impossibleDate, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownFieldsInARequest_Are400()
    {
        await using var p = await Pathway.StartAsync();
        var response = await p.Http.PostAsync("/api/boroughs", Json("{\"id\":\"b2\",\"name\":\"B\",\"mayor\":\"x\"}"));
        await Pathway.ProblemAsync(response, HttpStatusCode.BadRequest);
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/boroughs/b2"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheClock_RefusesToGoBack_OrTooFar_OrBothWays()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/clock/advance", new { to = "2026-01-01" }), HttpStatusCode.BadRequest);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/clock/advance", new { to = "2099-01-01" }), HttpStatusCode.BadRequest);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/clock/advance", new { days = -3 }), HttpStatusCode.BadRequest);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/clock/advance", new { days = 1, to = "2026-10-20" }),
            HttpStatusCode.BadRequest);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/clock/advance", new { to = "someday" }), HttpStatusCode.BadRequest);
        var clock = (await p.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!;
        Assert.Equal("2026-10-12", (string?)clock["today"]);
        Assert.Equal("simulated", (string?)clock["mode"]);
    }

    [Fact]
    public async Task AdvancingTheSystemClock_Is409()
    {
        await using var p = await Pathway.StartAsync(start: null);
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/clock/advance", new { days = 1 }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ADateBeyondTheTermCalendar_IsAClearError_AndChangesNothing()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync())["id"]!;
        await p.AdvanceToAsync("2029-01-08");
        var before = (await p.JournalAsync(id)).Count;
        var response = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events",
            new { name = "review.completed", data = new { progress = "little" } });
        var problem = await Pathway.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("8 January 2029", (string?)problem["detail"]);
        Assert.Equal(before, (await p.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task DuplicateIds_Are409()
    {
        await using var p = await Pathway.StartAsync();
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "demo-borough", name = "Again" }),
            HttpStatusCode.Conflict);
        var pupil = await p.NewPupilAsync();
        await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/pupils",
            new { id = pupil, name = "Again", dateOfBirth = "2018-01-01", schoolId = "oakfield", yearGroup = 2 }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task StartingAPupilWhoIsAlreadyOnThePathway_Is409_AndStartsNothing()
    {
        await using var p = await Pathway.StartAsync();
        var first = await p.StartPupilAsync();
        var pupil = (string)first["pupilId"]!;
        var again = await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = pupil });
        var problem = await Pathway.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains((string)first["id"]!, (string?)problem["detail"]);
        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/instances"))!);
    }

    [Fact]
    public async Task StartingOnePupilTwiceAtOnce_StartsOneInstance()
    {
        await using var p = await Pathway.StartAsync();
        var pupil = await p.NewPupilAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = pupil })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/instances"))!);
    }

    [Fact]
    public async Task UnauthenticatedHealthCheck_Answers()
    {
        await using var p = await Pathway.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await p.Http.GetAsync("/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await p.Http.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
