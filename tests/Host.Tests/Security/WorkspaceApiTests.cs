namespace SendWorkflow.Host.Tests.Security;

/// <summary>The inbox, task forms, the pupil record, the provision map, the SENCo's views and the calendar feed, through the API.</summary>
public sealed class WorkspaceApiTests
{
    [Fact]
    public async Task ATeacherCompletesAReviewFormWithLittleProgress_AndThePupilMovesOn_WithTheTargetsOnTheirRecord()
    {
        await using var w = await StaffWorld.CreateAsync();
        await w.AdvanceToAsync("2026-11-30");
        using var teacher = w.As("teacher");

        var inbox = (await teacher.GetFromJsonAsync<JsonArray>("/api/inbox?kind=review"))!;
        var review = Assert.Single(inbox)!;
        Assert.Equal("ava", (string?)review["pupilId"]);
        Assert.Equal("3 Oak", (string?)review["className"]);
        var taskId = (string)review["taskId"]!;
        var form = (await teacher.GetFromJsonAsync<JsonArray>($"/api/tasks/{taskId}/form"))!;
        Assert.Equal(["progress", "notes", "nextTargets"], form.Select(f => (string)f!["name"]!));

        var missing = await teacher.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { form = new { notes = "forgot the progress", colour = "blue" } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problems = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Progress since the last review", problems);
        Assert.Contains("no field 'colour'", problems);

        var done = await teacher.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new
        {
            form = new { progress = "little", notes = "Still finds phonics hard", nextTargets = "Read ten tricky words\nSegment CVC words" },
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("initial-concern", (string?)(await done.Content.ReadFromJsonAsync<JsonObject>())!["to"]);

        var record = (await teacher.GetFromJsonAsync<JsonObject>("/api/pupils/ava/record"))!;
        Assert.Equal(2, (int)record["stage"]!);
        Assert.Equal("2026-11-30", (string?)record["since"]);
        Assert.Equal(["Read ten tricky words", "Segment CVC words"], record["targets"]!.AsArray().Select(t => (string)t!));
        Assert.Contains(record["chronology"]!.AsArray(),
            c => (string?)c!["who"] == "The teacher" && ((string?)c["detail"])!.StartsWith("Moved from", StringComparison.Ordinal));
        Assert.NotEmpty(record["upcoming"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync("/api/pupils/ben/record")).StatusCode);
    }

    [Fact]
    public async Task TheProvisionMap_IsKeptPerPupil_AndTheSencoExportsItWithTheRegister()
    {
        await using var w = await StaffWorld.CreateAsync();
        using var senco = w.As("senco");
        var added = await senco.PostAsJsonAsync("/api/pupils/ava/provisions", new
        {
            intervention = "Phonics catch-up, 3 x 20 min a week", entryCriteria = "Below expected in phonics screening",
            exitCriteria = "Reads 40 of the year's tricky words", startsOn = "2026-10-12", deliveredBy = "Alex Green (TA)",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (string)(await added.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var bad = await senco.PostAsJsonAsync("/api/pupils/ava/provisions",
            new { intervention = "x", startsOn = "2026-10-12", endsOn = "2026-10-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await senco.PutAsJsonAsync($"/api/provisions/{id}", new { impact = "Now reads 32 tricky words" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.As("elm-senco").PutAsJsonAsync($"/api/provisions/{id}", new { impact = "x" })).StatusCode);

        var map = await senco.GetStringAsync("/api/schools/oakfield/provision-map.csv");
        Assert.Contains("Phonics catch-up", map);
        Assert.Contains("Now reads 32 tricky words", map);
        var register = (await senco.GetStringAsync("/api/schools/oakfield/sen-register.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("pupil_id,name,year,class,stage,stage_name,since,census_code,primary_need", register[0]);
        Assert.Contains(register, r => r.StartsWith("ava,Pupil ava,3,3 Oak,1,Cause of concern,12/10/2026,N,SLCN", StringComparison.Ordinal));
        Assert.DoesNotContain(register, r => r.StartsWith("cal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCalendarFeed_ListsMyDeadlines_AndStopsWorkingWhenReset()
    {
        await using var w = await StaffWorld.CreateAsync();
        await w.AdvanceToAsync("2026-11-30");
        using var teacher = w.As("teacher");
        var feed = (string)(await teacher.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["calendarFeed"]!;
        var path = new Uri(feed).PathAndQuery;

        using var calendarApp = w.P.Factory.CreateAnonymousClient();
        var ics = await calendarApp.GetStringAsync(path);
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20261207", ics);
        Assert.Contains("(PA)", ics);
        Assert.DoesNotContain("Pupil ava", ics);

        var reset = (await (await teacher.PostAsJsonAsync("/api/me/calendar/reset", new { })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotEqual(feed, (string?)reset["calendarFeed"]);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task TheSenco_MovesAPupilToANewClass_AndTheTeachersScopeFollows()
    {
        await using var w = await StaffWorld.CreateAsync();
        using var senco = w.As("senco");
        using var teacher = w.As("teacher");
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync("/api/pupils/ben")).StatusCode);

        var bad = await senco.PutAsJsonAsync("/api/pupils/ben", new { primaryNeed = "XYZ", yearGroup = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutAsJsonAsync("/api/pupils/ava", new { className = "4 Ash" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.As("elm-senco").PutAsJsonAsync("/api/pupils/ben", new { className = "3 Oak" })).StatusCode);

        var moved = await senco.PutAsJsonAsync("/api/pupils/ben", new { className = "3 Oak", primaryNeed = "SEMH" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var pupil = (await teacher.GetFromJsonAsync<JsonObject>("/api/pupils/ben"))!;
        Assert.Equal("3 Oak", (string?)pupil["className"]);
        Assert.Equal("SEMH", (string?)pupil["primaryNeed"]);
    }
}
