namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// A school's programme (the SENCo's monitoring schedule) through the API on a real host and SQLite file: started for
/// the year, its tasks in the right staff's inboxes, refused with every problem listed, and started again by itself on
/// the first day of the next school year.
/// </summary>
public sealed class ProgrammeTests
{

    // Every message of a problem: its detail and each listed problem.
    private static string Text(JsonObject problem) =>
        string.Join(" | ", new[] { (string?)problem["detail"] }
            .Concat(problem["errors"]?.AsArray().Select(e => (string?)e!["message"]) ?? []));

    private static Task<HttpResponseMessage> StartAsync(HttpClient http, string year = "2026-27", string definitionId = "senco-monitoring") =>
        http.PostAsJsonAsync("/api/schools/oakfield/programmes", new { definitionId, academicYear = year });

    [Fact]
    public async Task TheSencoStartsTheYearsProgramme_AndEachRoleFindsItsPartInTheInbox()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var senco = await p.StaffAsync("senco", "senco", classes: "R Willow");
        var office = await p.StaffAsync("office", "admin-support", classes: "R Willow");

        var response = await StartAsync(senco);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var programme = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("senco-monitoring", "2026-27", "running", "active"), ((string?)programme["definitionId"],
            (string?)programme["academicYear"], (string?)programme["state"], (string?)programme["status"]));
        var instance = (await senco.GetFromJsonAsync<JsonObject>($"/api/instances/{programme["instanceId"]}"))!;
        Assert.Equal("school:oakfield", (string?)instance["pupilId"]);
        // The school office keeps the SEN register and the contextual grid up to date, once a term.
        var officeWork = (await office.GetFromJsonAsync<JsonArray>("/api/inbox"))!;
        Assert.Equal(3, officeWork.Count);
        Assert.All(officeWork, t => Assert.Equal(("admin-support", "The school's programme"), ((string?)t!["role"], (string?)t["pupilName"])));
        Assert.Equal(["2026-12-18", "2027-03-26", "2027-07-21"], officeWork.Select(t => (string)t!["dueOn"]!).Order());
        // The office's calendar feed carries the same three deadlines.
        var feed = (string)(await office.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["calendarFeed"]!;
        using var anonymous = p.Factory.CreateAnonymousClient();
        var ics = await anonymous.GetStringAsync(new Uri(feed).PathAndQuery);
        Assert.Equal(3, ics.Split("(the school's programme)").Length - 1);
        var listed = Assert.Single((await office.GetFromJsonAsync<JsonArray>("/api/schools/oakfield/programmes"))!)!;
        Assert.Equal(30, (int)listed["openTasks"]!);
    }

    [Fact]
    public async Task BadRequests_AreRefusedWithEveryProblem_AndStartNothing()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");

        var malformed = await Pathway.ProblemAsync(
            await p.Http.PostAsJsonAsync("/api/schools/oakfield/programmes", new { academicYear = "2026-2027" }), HttpStatusCode.BadRequest);
        var uncovered = await Pathway.ProblemAsync(await StartAsync(p.Http, "2030-31"), HttpStatusCode.BadRequest);
        var pupils = await Pathway.ProblemAsync(await StartAsync(p.Http, definitionId: "send-pathway"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(p.Http)).StatusCode);
        var twice = await Pathway.ProblemAsync(await StartAsync(p.Http), HttpStatusCode.Conflict);
        var pupil = await p.NewPupilAsync();
        var asPupil = await Pathway.ProblemAsync(
            await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "senco-monitoring", pupilId = pupil }), HttpStatusCode.BadRequest);

        Assert.Equal(2, malformed["errors"]!.AsArray().Count);
        Assert.Contains("'definitionId' is required", Text(malformed));
        Assert.Contains("a school year such as 2026-27", Text(malformed));
        Assert.Contains("do not cover 2030-31", Text(uncovered));
        Assert.Contains("has not started yet", Text(uncovered));
        Assert.Contains("'send-pathway' is a pupil's workflow", Text(pupils));
        Assert.Contains("already been started", Text(twice));
        Assert.Contains("is a school's programme, not a pupil's workflow", Text(asPupil));
        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>("/api/schools/oakfield/programmes"))!);
        Assert.Empty((await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/instances"))!);
    }

    [Fact]
    public async Task OnTheFirstDayOfTheNextYear_TheProgrammeStartsItself_AndLastYearsHasClosed()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(p.Http)).StatusCode);

        await p.AdvanceToAsync("2027-09-01");
        await p.AdvanceDaysAsync(0.5);

        var programmes = (await p.Http.GetFromJsonAsync<JsonArray>("/api/schools/oakfield/programmes"))!;
        Assert.Equal(["2027-28", "2026-27"], programmes.Select(x => (string)x!["academicYear"]!));
        Assert.Equal(("rollover", "active"), ((string?)programmes[0]!["startedBy"], (string?)programmes[0]!["status"]));
        Assert.Equal("closed", (string?)programmes[1]!["status"]);
    }

    [Fact]
    public async Task AnotherSchoolsStaff_AndTheLa_DoNotSeeTheProgramme()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var started = (await (await StartAsync(p.Http)).Content.ReadFromJsonAsync<JsonObject>())!;
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "elm", name = "Elm Grove", boroughId = "demo-borough" })).EnsureSuccessStatusCode();
        using var elm = await p.StaffAsync("elm", "senco", "Elm SENCo", schoolId: "elm");

        Assert.Equal(HttpStatusCode.NotFound, (await elm.GetAsync($"/api/instances/{started["instanceId"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elm.GetAsync("/api/schools/oakfield/programmes")).StatusCode);
        Assert.Empty((await elm.GetFromJsonAsync<JsonArray>("/api/inbox"))!);
    }
}
