using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// How pupils flow through the pathway (issue 16, point 3), walked on the simulated clock: per state the pupils in it now,
/// the median time there in school weeks (the October half term does not count), the share with overdue tasks; per arrow
/// the pupils who took it in a period and not outside it; a SENCo counts their school's pupils, an LA officer their
/// borough's, and neither another school's or borough's. The charts beside it: the school's pupils per stage week by week,
/// and the borough's monthly share of decisions made within 6 weeks.
/// </summary>
public class FlowTests : ProviderSuite
{
    private const string Flow = "/api/definitions/send-pathway/flow";

    [Fact]
    public async Task TheFlow_CountsPupilsPerState_MedianSchoolWeeks_OverdueShare_AndArrowsInThePeriod()
    {
        await using var p = await StartAsync("2026-10-12");
        // Another school of the borough, and a school of another borough: their pupils are not Oakfield's.
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "elmwood", name = "Elmwood Primary", boroughId = "demo-borough" }))
            .EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "northgate", name = "Northgate Primary", boroughId = "north" }))
            .EnsureSuccessStatusCode();
        await p.StaffAsync("flow-senco", "senco");
        await OfficerAsync(p, "flow-lee", "demo-borough");

        // Monday 12 October: three pupils at stage 1, one asked for an assessment the same day (stage 5).
        for (var n = 0; n < 3; n++) await p.StartPupilAsync();
        await p.PupilAtAsync("statutory-assessment");
        await StartElsewhereAsync(p, "elmwood", "elm-1");
        await StartElsewhereAsync(p, "northgate", "north-1");

        // Four calendar weeks on, three of them school weeks: 26 to 30 October is the half term.
        await p.AdvanceToAsync("2026-11-09");
        // A pupil who starts today (no time in stage 1, nothing overdue), and one who goes to stage 5 and on to stage 6 today.
        await p.StartPupilAsync();
        var issued = await p.PupilAtAsync("ehcp");
        Assert.Equal("ehcp", (string?)(await p.InstanceAsync(issued))["state"]);

        var senco = await p.SignInAsync("flow-senco");
        var flow = (await senco.GetFromJsonAsync<JsonObject>($"{Flow}?from=2026-11-01&to=2026-11-30"))!;
        Assert.Equal(("2026-11-09", "2026-11-01", "2026-11-30", false), ((string?)flow["today"], (string?)flow["from"], (string?)flow["to"],
            (bool)flow["allVersions"]!));
        Assert.Equal(6, (int)flow["pupils"]!);
        var states = States(flow);
        // Stage 1: three pupils of three school weeks (15 school days) and one of none; the three have tasks past due.
        Assert.Equal((4, 3.0, 3, 75.0), Figures(states["cause-of-concern"]));
        Assert.Equal((1, 3.0, 1, 100.0), Figures(states["statutory-assessment"]));
        Assert.Equal((1, 0.0, 0, 0.0), Figures(states["ehcp"]));
        Assert.Equal(0, (int)states["initial-concern"]["pupils"]!);
        Assert.Null(states["initial-concern"]["medianSchoolWeeks"]);

        // In November one pupil went from stage 1 to 5 and on to 6; the October request falls outside the period.
        var arrows = Arrows(flow);
        Assert.Equal(1, arrows[("cause-of-concern", "statutory-assessment")]);
        Assert.Equal(1, arrows[("statutory-assessment", "ehcp")]);
        Assert.Equal(0, arrows[("cause-of-concern", "initial-concern")]);
        var october = (await senco.GetFromJsonAsync<JsonObject>($"{Flow}?from=2026-10-01&to=2026-10-31"))!;
        Assert.Equal(1, Arrows(october)[("cause-of-concern", "statutory-assessment")]);
        Assert.Equal(0, Arrows(october)[("statutory-assessment", "ehcp")]);
        // The arrow's transition is named, as the canvas draws it.
        var request = flow["arrows"]!.AsArray().Single(a => (string?)a!["from"] == "cause-of-concern" && (string?)a["to"] == "statutory-assessment")!;
        Assert.Contains(request["transitions"]!.AsArray(),
            t => (string?)t!["transitionId"] == "stage1-assessment-requested" && (int)t["pupils"]! == 1);

        // The borough's officer counts Elmwood's pupil too, never North Borough's; the administrator counts everyone.
        var la = await p.SignInAsync("flow-lee");
        var borough = States((await la.GetFromJsonAsync<JsonObject>(Flow))!);
        Assert.Equal(5, (int)borough["cause-of-concern"]["pupils"]!);
        var everyone = States((await p.Http.GetFromJsonAsync<JsonObject>(Flow))!);
        Assert.Equal(6, (int)everyone["cause-of-concern"]["pupils"]!);
        // The period defaults to the school year so far.
        var year = (await la.GetFromJsonAsync<JsonObject>(Flow))!;
        Assert.Equal(("2026-09-01", "2026-11-09"), ((string?)year["from"], (string?)year["to"]));

        // The look is audited as the school's views are.
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=read&take=5000"))!;
        Assert.Contains(audit, a => (string?)a!["resource"] == "pathway-flow" && (string?)a["resourceId"] == "send-pathway");
    }

    [Fact]
    public async Task TheFlow_RefusesBadInput_WithEveryProblem_AndWhoMayNot()
    {
        await using var p = await StartAsync("2026-10-12");
        var bad = await Pathway.ProblemAsync(await p.Http.GetAsync($"{Flow}?from=2026-12-01&to=2026-11-01&version=newest"),
            HttpStatusCode.BadRequest);
        var fields = bad["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();
        Assert.Contains("to", fields);
        Assert.Contains("version", fields);
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/definitions/no-such-pathway/flow"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.GetAsync($"{Flow}?version=99"), HttpStatusCode.NotFound);
        var teacher = await p.StaffAsync("flow-teacher", "class-teacher", classes: "3 Oak");
        await Pathway.ProblemAsync(await teacher.GetAsync(Flow), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AllVersions_MatchStatesById_WhileTheRunningVersionCountsItsOwnPupils()
    {
        await using var p = await StartAsync("2026-10-12");
        await p.StartPupilAsync();
        // Version 2: the same pathway published again with a new name for stage 1; new pupils start on it.
        var document = JsonNode.Parse(await p.Http.GetStringAsync("/api/definitions/send-pathway"))!;
        document["states"]!.AsArray().Single(s => (string?)s!["id"] == "cause-of-concern")!["name"] = "Concern noticed";
        (await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", document)).EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/definitions/send-pathway/publish", new { })).EnsureSuccessStatusCode();
        await p.StartPupilAsync();
        await p.StartPupilAsync();

        var running = (await p.Http.GetFromJsonAsync<JsonObject>(Flow))!;
        Assert.Equal(2, (int)States(running)["cause-of-concern"]["pupils"]!);
        Assert.Equal("Concern noticed", (string?)States(running)["cause-of-concern"]["name"]);
        var all = (await p.Http.GetFromJsonAsync<JsonObject>($"{Flow}?version=all"))!;
        Assert.True((bool)all["allVersions"]!);
        Assert.Equal(3, (int)States(all)["cause-of-concern"]["pupils"]!);
        var first = (await p.Http.GetFromJsonAsync<JsonObject>($"{Flow}?version=1"))!;
        Assert.Equal(1, (int)States(first)["cause-of-concern"]["pupils"]!);
        Assert.Equal("1", string.Join(",", first["versions"]!.AsArray().Select(v => (int)v!)));
    }

    [Fact]
    public async Task TheSchoolsChart_CountsPupilsAtEachStage_WeekByWeek_FromTheJournal()
    {
        await using var p = await StartAsync("2026-09-07");
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "elmwood", name = "Elmwood Primary", boroughId = "demo-borough" }))
            .EnsureSuccessStatusCode();
        // Week of 7 September: one pupil stays at stage 1, another starts and leaves the pathway after good progress.
        await p.StartPupilAsync();
        await p.ReviewAsync((string)(await p.StartPupilAsync())["id"]!, "good");
        await StartElsewhereAsync(p, "elmwood", "elm-chart");
        // Week of 14 September: a pupil starts and an assessment is asked for the same day (stage 5); the next week, a plan (stage 6).
        await p.AdvanceToAsync("2026-09-14");
        var assessed = await p.PupilAtAsync("statutory-assessment");
        await p.AdvanceToAsync("2026-09-21");
        await p.RaiseAsync(assessed, "plan.issued");

        var head = await p.StaffAsync("chart-head", "headteacher");
        var chart = (await head.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/pathway-stages"))!;
        Assert.Equal(("2026-09-01", "2026-09-21"), ((string?)chart["from"], (string?)chart["to"]));
        Assert.Equal("1,2,3,4,5,6", string.Join(",", chart["stages"]!.AsArray().Select(s => (int)s!["stage"]!)));
        var weeks = chart["weeks"]!.AsArray().ToDictionary(w => (string)w!["weekStarting"]!,
            w => string.Join(",", w!["pupils"]!.AsArray().Select(n => (int)n!)));
        Assert.Equal(["2026-08-31", "2026-09-07", "2026-09-14", "2026-09-21"], weeks.Keys);
        Assert.Equal("0,0,0,0,0,0", weeks["2026-08-31"]);
        Assert.Equal("1,0,0,0,0,0", weeks["2026-09-07"]);
        Assert.Equal("1,0,0,0,1,0", weeks["2026-09-14"]);
        Assert.Equal("1,0,0,0,0,1", weeks["2026-09-21"]);
        Assert.Equal("2026-09-21", (string?)chart["weeks"]!.AsArray()[^1]!["countedOn"]);

        // A governor sees the counts; a class teacher may not; another school is not the head's.
        var governor = await p.StaffAsync("chart-governor", "governor");
        Assert.True((await governor.GetAsync("/api/schools/oakfield/pathway-stages")).IsSuccessStatusCode);
        var teacher = await p.StaffAsync("chart-teacher", "class-teacher", classes: "3 Oak");
        await Pathway.ProblemAsync(await teacher.GetAsync("/api/schools/oakfield/pathway-stages"), HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await head.GetAsync("/api/schools/elmwood/pathway-stages"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheSchoolsChart_FollowsAPupilMovedToAnotherVersion_IntoTheStageTheMapGaveThem()
    {
        await using var p = await StartAsync("2026-09-07");
        // Through stages 1, 5, 6 and 3 to stage 2 in the week of 7 September.
        await p.PupilAtAsync("initial-concern");
        await MigrationTests.PublishVersionTwoAsync(p);
        // The next week the pupil is moved to version 2, which has no 'initial-concern': the map puts them at stage 3.
        await p.AdvanceToAsync("2026-09-14");
        var map = new Dictionary<string, string> { ["initial-concern"] = "sen-support" };
        var apply = await p.Http.PostAsJsonAsync("/api/definitions/send-pathway/migrations",
            new { fromVersion = 1, toVersion = 2, stateMap = map, dryRun = false });
        Assert.True(apply.StatusCode == HttpStatusCode.Accepted, await apply.Content.ReadAsStringAsync());
        await MigrationTests.UntilAsync(p.Http, apply.Headers.Location!.ToString(), x => (string?)x["status"] == "done");

        var chart = (await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/pathway-stages"))!;
        var weeks = chart["weeks"]!.AsArray().ToDictionary(w => (string)w!["weekStarting"]!,
            w => string.Join(",", w!["pupils"]!.AsArray().Select(n => (int)n!)));
        Assert.Equal("0,1,0,0,0,0", weeks["2026-09-07"]);
        Assert.Equal("0,0,1,0,0,0", weeks["2026-09-14"]);
        // The flow counts them where they are now, on version 2.
        Assert.Equal(1, (int)States((await p.Http.GetFromJsonAsync<JsonObject>(Flow))!)["sen-support"]["pupils"]!);
    }

    [Fact]
    public async Task TheBoroughsChart_GivesEachMonthsShareOfDecisionsWithinSixWeeks()
    {
        await using var p = await StartAsync("2026-09-07");
        // Two requests on 7 September: one decided after 4 weeks (in October), one after 8 (in November, late).
        var onTime = await AssessmentAsync(p);
        var late = await AssessmentAsync(p);
        await p.AdvanceToAsync("2026-10-05");
        await p.RaiseAsync(onTime, "assessment.decided", new { assess = true, decidedOn = "2026-10-05", decidedBy = "A. Officer" });
        await p.AdvanceToAsync("2026-11-02");
        await p.RaiseAsync(late, "assessment.decided", new { assess = true, decidedOn = "2026-11-02", decidedBy = "A. Officer" });

        var la = await OfficerAsync(p, "chart-lee", "demo-borough");
        var chart = (await la.GetFromJsonAsync<JsonObject>("/api/boroughs/demo-borough/compliance/monthly?from=2026-09-01&to=2026-11-30"))!;
        var months = chart["months"]!.AsArray().ToDictionary(m => (string)m!["month"]!, m => m!.AsObject());
        Assert.Equal(["2026-09", "2026-10", "2026-11"], months.Keys);
        Assert.Equal((0, null), ((int)months["2026-09"]["decisions"]!, (double?)months["2026-09"]["decisionsPercent"]));
        Assert.Equal((1, 1, 100.0), ((int)months["2026-10"]["decisions"]!, (int)months["2026-10"]["decisionsWithinLimit"]!,
            (double?)months["2026-10"]["decisionsPercent"]));
        Assert.Equal((1, 0, 0.0), ((int)months["2026-11"]["decisions"]!, (int)months["2026-11"]["decisionsWithinLimit"]!,
            (double?)months["2026-11"]["decisionsPercent"]));
        Assert.Equal(("2026-11-01", "2026-11-30"), ((string?)months["2026-11"]["from"], (string?)months["2026-11"]["to"]));

        // Another borough's officer is answered as if the borough did not exist; a SENCo may not.
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        var north = await OfficerAsync(p, "chart-north", "north");
        await Pathway.ProblemAsync(await north.GetAsync("/api/boroughs/demo-borough/compliance/monthly"), HttpStatusCode.NotFound);
        var senco = await p.StaffAsync("chart-senco", "senco");
        await Pathway.ProblemAsync(await senco.GetAsync("/api/boroughs/demo-borough/compliance/monthly"), HttpStatusCode.Forbidden);
    }

    private static async Task<string> AssessmentAsync(Pathway p)
    {
        var pathway = (string)(await p.StartPupilAsync())["id"]!;
        await p.RaiseAsync(pathway, "assessment.requested", new { by = "parent", requestedOn = "2026-09-07" });
        return (string)(await p.ChildAsync(pathway, "ehcp-assessment"))["id"]!;
    }

    private static Dictionary<string, JsonObject> States(JsonObject flow) =>
        flow["states"]!.AsArray().ToDictionary(s => (string)s!["stateId"]!, s => s!.AsObject());

    private static Dictionary<(string, string), int> Arrows(JsonObject flow) =>
        flow["arrows"]!.AsArray().ToDictionary(a => ((string)a!["from"]!, (string)a["to"]!), a => (int)a!["pupils"]!);

    private static (int, double?, int, double?) Figures(JsonObject state) =>
        ((int)state["pupils"]!, (double?)state["medianSchoolWeeks"], (int)state["withOverdueTasks"]!, (double?)state["overduePercent"]);

    private static async Task StartElsewhereAsync(Pathway p, string schoolId, string pupilId)
    {
        (await p.Http.PostAsJsonAsync("/api/pupils",
            new { id = pupilId, name = "Elsewhere Pupil", dateOfBirth = "2018-05-01", schoolId, yearGroup = 3 })).EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId })).EnsureSuccessStatusCode();
    }

    private static async Task<HttpClient> OfficerAsync(Pathway p, string user, string borough)
    {
        var created = await p.Http.PostAsJsonAsync("/api/users", new
        {
            email = $"{user}@test.example", displayName = $"Officer {user}", role = "la-officer", boroughId = borough,
            password = Pathway.StaffPassword,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return await p.SignInAsync(user);
    }
}

/// <summary>The same suite on PostgreSQL: the counting and grouping are SQL, and PostgreSQL's must agree with SQLite's.</summary>
public sealed class FlowTestsOnPostgres : FlowTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
