namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The school's SEN action plan through the API: a monitoring activity's follow-up actions land in it (once), staff
/// update them, bad input changes nothing, and next year's plan shows this year's beside it.
/// </summary>
public sealed class ActionPlanTests
{
    private static async Task<JsonObject> StartProgrammeAsync(Pathway p)
    {
        var response = await p.Http.PostAsJsonAsync("/api/schools/oakfield/programmes",
            new { definitionId = "senco-monitoring", academicYear = "2026-27" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<string> TaskAsync(Pathway p, JsonObject programme, string titleStart)
    {
        var tasks = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={programme["instanceId"]}&status=open&take=100"))!;
        // The first due of the activities so named (a termly one has one in each term).
        return (string)tasks.Where(t => ((string)t!["title"]!).StartsWith(titleStart, StringComparison.Ordinal))
            .OrderBy(t => (string?)t!["dueOn"], StringComparer.Ordinal).First()!["id"]!;
    }

    [Fact]
    public async Task AMonitoringActivitysFollowUpActions_LandInTheActionPlanOnce_AndAreUpdated()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var programme = await StartProgrammeAsync(p);
        var scrutiny = await TaskAsync(p, programme, "Scrutinise planning");

        var completed = await p.Http.PostAsJsonAsync($"/api/tasks/{scrutiny}/complete", new
        {
            form = new Dictionary<string, string>
            {
                ["findings"] = "Differentiation is inconsistent in Year 4.",
                ["rating"] = "developing",
                ["followUpActions"] = "Model differentiated planning in a staff meeting\n\nCoach the Year 4 team",
            },
        });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());

        var plan = (await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan?year=2026-27"))!;
        var again = (await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan"))!;
        var items = plan["items"]!.AsArray();
        Assert.Equal(["Model differentiated planning in a staff meeting", "Coach the Year 4 team"], items.Select(i => (string)i!["action"]!));
        Assert.All(items, i => Assert.Equal(("monitoring", "to do"), ((string?)i!["source"], (string?)i["status"])));
        Assert.Equal("Scrutinise planning for differentiation and access for pupils with SEN", (string?)items[0]!["area"]);
        Assert.Equal(2, again["items"]!.AsArray().Count);

        var updated = await p.Http.PutAsJsonAsync($"/api/action-plan/{items[0]!["id"]}", new { status = "done", evidence = "Staff meeting 3 Nov" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = (await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan"))!["items"]!.AsArray();
        Assert.Equal(("done", "Staff meeting 3 Nov"), ((string?)after[0]!["status"], (string?)after[0]!["evidence"]));
    }

    [Fact]
    public async Task BadInput_IsRefusedWithEveryProblem_AndChangesNothing()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var added = (await (await p.Http.PostAsJsonAsync("/api/schools/oakfield/action-plan",
            new { area = "Interventions", action = "Entry and exit criteria for every intervention", owner = "SENCo", dueOn = "2027-02-12" }))
            .Content.ReadFromJsonAsync<JsonObject>())!;

        var wrong = await Pathway.ProblemAsync(await p.Http.PutAsJsonAsync($"/api/action-plan/{added["id"]}",
            new { status = "finished", evidence = new string('x', 4001), dueOn = "1900-01-01" }), HttpStatusCode.BadRequest);
        var empty = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync("/api/schools/oakfield/action-plan", new { area = " " }),
            HttpStatusCode.BadRequest);
        var year = await Pathway.ProblemAsync(await p.Http.GetAsync("/api/schools/oakfield/action-plan?year=2026"), HttpStatusCode.BadRequest);

        Assert.Equal(3, wrong["errors"]!.AsArray().Count);
        Assert.Equal(2, empty["errors"]!.AsArray().Count);
        Assert.NotNull(year);
        var item = Assert.Single((await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan"))!["items"]!.AsArray())!;
        Assert.Equal(("to do", null), ((string?)item["status"], (string?)item["evidence"]));
    }

    [Fact]
    public async Task NextYearsPlan_ShowsThisYearsBesideIt()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        (await p.Http.PostAsJsonAsync("/api/schools/oakfield/action-plan", new { area = "Transition", action = "Taster days for Year 6" }))
            .EnsureSuccessStatusCode();

        await p.AdvanceToAsync("2027-09-02");
        var plan = (await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan"))!;

        Assert.Equal(("2027-28", "2026-27"), ((string?)plan["academicYear"], (string?)plan["lastYear"]));
        Assert.Empty(plan["items"]!.AsArray());
        Assert.Equal("Taster days for Year 6", (string?)Assert.Single(plan["lastYearItems"]!.AsArray())!["action"]);
    }

    [Fact]
    public async Task TheTermlyMeetingWithTheSenGovernor_KeepsItsMinutes_AndItsFollowUpsJoinThePlan()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var programme = await StartProgrammeAsync(p);
        var meeting = await TaskAsync(p, programme, "Report to and meet the SEN governor");

        var form = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks/{meeting}/form"))!;
        var missing = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/tasks/{meeting}/complete",
            new { form = new Dictionary<string, string> { ["attendees"] = "SENCo, SEN governor" } }), HttpStatusCode.BadRequest);
        var completed = await p.Http.PostAsJsonAsync($"/api/tasks/{meeting}/complete", new
        {
            form = new Dictionary<string, string>
            {
                ["attendees"] = "SENCo, SEN governor", ["minutes"] = "Went through the autumn report; reviews on time.",
                ["followUpActions"] = "Present the provision map to the full governing body",
            },
        });

        Assert.Equal(["attendees", "minutes", "followUpActions"], form.Select(f => (string)f!["name"]!));
        Assert.Contains(missing["errors"]!.AsArray(), e => (string?)e!["field"] == "form.minutes");
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
        var journal = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/instances/{programme["instanceId"]}/journal"))!;
        Assert.Contains(journal, j => (string?)j!["kind"] == "task-completed"
            && (string?)j["data"]!["form"]!["minutes"] == "Went through the autumn report; reviews on time.");
        var plan = (await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan"))!["items"]!.AsArray();
        Assert.Equal("Present the provision map to the full governing body", (string?)Assert.Single(plan)!["action"]);
    }
}
