using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence;
using SendWorkflow.Send.Play;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// Play ("Try it"): a SENCo runs the open draft for a test pupil on a private clock (events, tasks, time moved on), the
/// draft's rules deciding; nothing reaches the service's instances or journal; an unused session expires with its files; a
/// draft with errors runs what is valid; a saved scenario replayed after a rule changes shows the step that now ends otherwise.
/// </summary>
public sealed class PlayTests
{
    private const string Plays = "/api/definitions/send-pathway/play";

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<JsonObject> StepAsync(HttpClient client, string session, object step) =>
        await OkAsync(await client.PostAsJsonAsync($"{Plays}/{session}/steps", step));

    private static async Task<(int Instances, int Journal, int Tasks, int Timers)> RealTablesAsync(Pathway p)
    {
        await using var db = await p.Factory.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        return (await db.Instances.CountAsync(), await db.Journal.CountAsync(), await db.Tasks.CountAsync(), await db.Timers.CountAsync());
    }

    private static async Task<JsonNode> PathwayDocumentAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/api/definitions/send-pathway?version=latest"))!;

    [Fact]
    public async Task ASencoTriesTheDraft_EventsTasksAndTime_TheRulesDecide_AndNothingReachesTheRealTables()
    {
        await using var p = await Pathway.StartAsync("2026-09-01");
        var senco = await p.StaffAsync("play-senco", "senco");
        var before = await RealTablesAsync(p);

        var started = await OkAsync(await senco.PostAsJsonAsync(Plays, new { startsOn = "2026-09-07", yearGroup = 3 }));
        var session = (string)started["sessionId"]!;
        Assert.Equal("cause-of-concern", (string?)started["state"]);
        Assert.Equal("2026-09-07", (string?)started["today"]);
        Assert.Equal(6, started["openTasks"]!.AsArray().Count);
        Assert.Contains(started["pendingTimers"]!.AsArray(), t => (string?)t!["timer"] == "timeframe-review");
        Assert.Contains(started["events"]!.AsArray(), e => (string?)e!["name"] == "review.completed");
        // Why the pupil is still here: the way on to initial concern needs 6 school weeks, none have passed.
        var why = started["why"]!.AsArray().Single(w => (string?)w!["transitionId"] == "stage1-no-progress")!;
        Assert.False((bool)why["holds"]!);

        // Little progress at once: the rule wants 6 school weeks in the stage, so the pupil stays.
        var early = await StepAsync(senco, session, new { kind = "event", name = "review.completed", data = new { progress = "little" } });
        Assert.Equal("cause-of-concern", (string?)early["step"]!["outcome"]!["state"]);
        Assert.Null((string?)early["step"]!["outcome"]!["transition"]);

        // Six school weeks on, the review timer hands out the review task.
        var later = await StepAsync(senco, session, new { kind = "days", days = 43 });
        Assert.Equal("2026-10-20", (string?)later["session"]!["today"]);
        var review = later["session"]!["openTasks"]!.AsArray().Single(t => (string?)t!["task"] == "early-intervention-review")!;
        Assert.Equal(["none", "little", "expected", "good"], review["outcomes"]!.AsArray().Select(o => (string)o!));
        Assert.Contains(later["session"]!["journal"]!.AsArray(), j => (string?)j!["kind"] == "timer-fired");

        // The review records little progress: now the rule holds and the pupil moves to initial concern.
        var moved = await StepAsync(senco, session, new { kind = "task", task = "early-intervention-review", outcome = "little" });
        var outcome = moved["step"]!["outcome"]!;
        Assert.Equal(("initial-concern", "stage1-no-progress", "NoOrLittleProgressAfterEarlyIntervention"),
            ((string?)outcome["state"], (string?)outcome["transition"], (string?)outcome["rule"]));
        var now = moved["session"]!;
        Assert.Equal(["cause-of-concern", "initial-concern"], now["pathStates"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["stage1-no-progress"], now["pathTransitions"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(3, now["steps"]!.AsArray().Count);
        Assert.Contains(now["journal"]!.AsArray(), j => (string?)j!["kind"] == "transition" && (string?)j["transition"] == "stage1-no-progress");

        // A year-group fact is a step too; the GET answers the same session.
        await StepAsync(senco, session, new { kind = "facts", yearGroup = 6, phase = "primary" });
        var read = await OkAsync(await senco.GetAsync($"{Plays}/{session}"));
        Assert.Equal((6, "next-phase"), ((int)read["facts"]!["yearGroup"]!, (string?)read["facts"]!["transfer"]));

        // Nothing of it is in the service's own tables, and the published pathway is unchanged.
        Assert.Equal(before, await RealTablesAsync(p));
        var versions = (await p.Http.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/versions"))!;
        Assert.All(versions, v => Assert.NotEqual("draft", (string?)v!["status"]));

        Assert.Equal(HttpStatusCode.NoContent, (await senco.DeleteAsync($"{Plays}/{session}")).StatusCode);
        await Pathway.ProblemAsync(await senco.GetAsync($"{Plays}/{session}"), HttpStatusCode.Gone);
    }

    [Fact]
    public async Task BadSteps_AreRefusedWithEveryProblem_AndNotRecorded_AndOthersMayNotTouchTheSession()
    {
        await using var p = await Pathway.StartAsync("2026-09-01");
        var senco = await p.StaffAsync("play-senco2", "senco");
        var other = await p.StaffAsync("play-senco3", "senco");
        var teacher = await p.StaffAsync("play-teacher", "class-teacher", classes: "3 Oak");
        var session = (string)(await OkAsync(await senco.PostAsJsonAsync(Plays, new { startsOn = "2026-09-07" })))["sessionId"]!;

        var wrongKind = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{Plays}/{session}/steps", new { kind = "jump" }),
            HttpStatusCode.BadRequest);
        var noDays = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{Plays}/{session}/steps", new { kind = "days", days = 0 }),
            HttpStatusCode.BadRequest);
        var back = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{Plays}/{session}/steps", new { kind = "date", date = "2026-01-01" }),
            HttpStatusCode.BadRequest);
        var facts = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{Plays}/{session}/steps",
            new { kind = "facts", yearGroup = 40, phase = "college" }), HttpStatusCode.BadRequest);
        var undeclared = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{Plays}/{session}/steps",
            new { kind = "event", name = "review.completed", data = new { progress = "little", mood = "sunny", colour = "red" } }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["data.mood", "data.colour"], undeclared["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{Plays}/{session}/steps", new { kind = "event", name = "plan.issued" }),
            HttpStatusCode.Conflict);
        await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{Plays}/{session}/steps", new { kind = "task", task = "no-such-task" }),
            HttpStatusCode.Conflict);
        Assert.All([wrongKind, noDays, back], pr => Assert.Single(pr["errors"]!.AsArray()));
        Assert.Equal(2, facts["errors"]!.AsArray().Count);
        var state = await OkAsync(await senco.GetAsync($"{Plays}/{session}"));
        Assert.Empty(state["steps"]!.AsArray());
        Assert.Equal("2026-09-07", (string?)state["today"]);

        // Another SENCo can't see it (it is not theirs: gone as far as they can tell); a teacher may not try drafts at all.
        await Pathway.ProblemAsync(await other.GetAsync($"{Plays}/{session}"), HttpStatusCode.Gone);
        await Pathway.ProblemAsync(await teacher.PostAsJsonAsync(Plays, new { }), HttpStatusCode.Forbidden);
        // An administrator may not try a school's variant as theirs either way round: a SENCo may not try the default one.
        await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{Plays}?scope=", new { }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ASessionLeftUnused_Expires_AndItsFilesGo_AndAPersonKeepsAFewAtOnce()
    {
        await using var p = await Pathway.StartAsync("2026-09-01");
        var senco = await p.StaffAsync("play-senco4", "senco");
        var play = p.Factory.Services.GetRequiredService<PlaySessions>();
        var session = (string)(await OkAsync(await senco.PostAsJsonAsync(Plays, new { })))["sessionId"]!;
        var folder = Path.Combine(play.Options.Root, Guid.Parse(session).ToString("N"));
        Assert.True(File.Exists(Path.Combine(folder, "play.db")));

        // 40 minutes pass on the service's clock with nobody using it.
        await p.AdvanceDaysAsync(40.0 / 24 / 60);
        var gone = await Pathway.ProblemAsync(await senco.GetAsync($"{Plays}/{session}"), HttpStatusCode.Gone);
        Assert.Contains("ended", (string?)gone["detail"], StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));

        // A fourth session ends the person's least recently used one.
        var sessions = new List<string>();
        for (var i = 0; i < 4; i++) sessions.Add((string)(await OkAsync(await senco.PostAsJsonAsync(Plays, new { })))["sessionId"]!);
        await Pathway.ProblemAsync(await senco.GetAsync($"{Plays}/{sessions[0]}"), HttpStatusCode.Gone);
        foreach (var s in sessions.Skip(1)) await OkAsync(await senco.GetAsync($"{Plays}/{s}"));
        Assert.Equal(play.Options.MaxPerUser, play.Count);
    }

    [Fact]
    public async Task ADraftWithErrors_RunsWhatIsValid_AndListsTheRest_AndOneThatCannotRunIsRefused()
    {
        await using var p = await Pathway.StartAsync("2026-09-01");
        var document = await PathwayDocumentAsync(p.Http);
        document["transitions"]!.AsArray().Add(JsonNode.Parse(
            """{ "id": "to-nowhere", "from": "cause-of-concern", "to": "nowhere", "on": "review.completed", "priority": 0 }"""));
        document["states"]!.AsArray().Add(JsonNode.Parse("""{ "id": "orphan", "name": "Nobody gets here", "stage": 9 }"""));
        var typo = document["transitions"]!.AsArray().First(t => (string?)t!["from"] == "initial-concern" && t["rule"] is not null)!;
        typo["rule"]!["expression"] = "facts.Stag == 2";

        var started = await OkAsync(await p.Http.PostAsJsonAsync(Plays, new { startsOn = "2026-09-07", document }));
        var problems = started["problems"]!.AsArray().Select(x => ((string?)x!["code"], (string?)x["targetId"])).ToList();
        Assert.Contains(("unknown-state", "to-nowhere"), problems);
        Assert.Contains(("unreachable-state", "orphan"), problems);
        var leftOut = started["leftOut"]!.AsArray().Select(x => (string)x!).ToList();
        Assert.Contains(leftOut, l => l.Contains("to-nowhere", StringComparison.Ordinal));
        Assert.Contains(leftOut, l => l.Contains("orphan", StringComparison.Ordinal));
        Assert.Contains(("rule-does-not-compile", (string?)typo["id"]), problems);
        Assert.Contains(leftOut, l => l.Contains($"'{typo["id"]}'", StringComparison.Ordinal));

        // The rest runs: good progress closes the concern by the draft's own rule (the broken arrow, first by priority, is gone).
        var session = (string)started["sessionId"]!;
        var step = await StepAsync(p.Http, session, new { kind = "event", name = "review.completed", data = new { progress = "good" } });
        var outcome = step["step"]!["outcome"]!;
        Assert.Equal(("closed", "stage1-good-progress"), ((string?)outcome["state"], (string?)outcome["transition"]));

        var hopeless = await PathwayDocumentAsync(p.Http);
        hopeless["initialState"] = "missing";
        var refused = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync(Plays, new { document = hopeless }), HttpStatusCode.BadRequest);
        Assert.Contains(refused["errors"]!.AsArray(), e => ((string?)e!["message"])!.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AScenarioSaved_AndReplayedAfterARuleThresholdChanges_ShowsTheStepThatNowEndsDifferently()
    {
        await using var p = await Pathway.StartAsync("2026-09-01");
        var senco = await p.StaffAsync("play-senco5", "senco");
        var draft = await PathwayDocumentAsync(senco);
        (await senco.PutAsJsonAsync("/api/definitions/send-pathway/draft", draft)).EnsureSuccessStatusCode();

        var session = (string)(await OkAsync(await senco.PostAsJsonAsync(Plays, new { startsOn = "2026-09-07" })))["sessionId"]!;
        await StepAsync(senco, session, new { kind = "event", name = "review.completed", data = new { progress = "little" } });
        await StepAsync(senco, session, new { kind = "date", date = "2026-10-20" });
        var last = await StepAsync(senco, session, new { kind = "task", task = "early-intervention-review", outcome = "little" });
        Assert.Equal("initial-concern", (string?)last["step"]!["outcome"]!["state"]);

        var saved = await OkAsync(await senco.PostAsJsonAsync("/api/definitions/send-pathway/scenarios",
            new { sessionId = session, name = "Little progress after six weeks" }));
        Assert.Equal(3, saved["steps"]!.AsArray().Count);
        var list = (await senco.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/scenarios"))!;
        Assert.Equal("Little progress after six weeks", (string?)Assert.Single(list)!["name"]);

        // Replayed on the unchanged draft, every step ends as it did.
        var same = await OkAsync(await senco.PostAsync("/api/definitions/send-pathway/scenarios/Little progress after six weeks/replay", null));
        Assert.Equal(0, (int)same["differing"]!);

        // The SENCo raises the rule's threshold from 6 to 10 school weeks: the review's step now leaves the pupil where they were.
        var edited = await PathwayDocumentAsync(senco);
        var rule = edited["transitions"]!.AsArray().Single(t => (string?)t!["id"] == "stage1-no-progress")!["rule"]!;
        rule["expression"] = ((string)rule["expression"]!).Replace("params.earlyInterventionWeeks", "10", StringComparison.Ordinal);
        (await senco.PutAsJsonAsync("/api/definitions/send-pathway/draft", edited)).EnsureSuccessStatusCode();
        var replay = await OkAsync(await senco.PostAsync("/api/definitions/send-pathway/scenarios/Little progress after six weeks/replay", null));

        Assert.Equal(1, (int)replay["differing"]!);
        var steps = replay["steps"]!.AsArray();
        Assert.Equal([false, false, true], steps.Select(s => (bool)s!["differs"]!));
        Assert.Equal(("initial-concern", "cause-of-concern"), ((string?)steps[2]!["then"]!["state"], (string?)steps[2]!["now"]!["state"]));

        // Someone who may not change the draft may not see its scenarios.
        var head = await p.StaffAsync("play-head", "headteacher");
        await Pathway.ProblemAsync(await head.GetAsync("/api/definitions/send-pathway/scenarios"), HttpStatusCode.Forbidden);
        var missing = await Pathway.ProblemAsync(await senco.PostAsync("/api/definitions/send-pathway/scenarios/nope/replay", null),
            HttpStatusCode.NotFound);
        Assert.NotNull(missing);

        // Renamed: refused with every problem for a blank name or one already taken, then under its new name alone.
        await OkAsync(await senco.PostAsJsonAsync("/api/definitions/send-pathway/scenarios", new { sessionId = session, name = "Second try" }));
        const string first = "/api/definitions/send-pathway/scenarios/Little progress after six weeks";
        var blank = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{first}/rename", new { name = " " }), HttpStatusCode.BadRequest);
        Assert.Contains("name", blank["errors"]!.ToJsonString(), StringComparison.Ordinal);
        await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{first}/rename", new { name = "Second try" }), HttpStatusCode.Conflict);
        var renamed = await OkAsync(await senco.PostAsJsonAsync($"{first}/rename", new { name = "Six weeks, little progress" }));
        Assert.Equal(3, renamed["steps"]!.AsArray().Count);
        Assert.Equal(["Second try", "Six weeks, little progress"], await ScenarioNamesAsync(senco));
        await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"{first}/rename", new { name = "Again" }), HttpStatusCode.NotFound);

        // Deleted: gone from the list; deleting it again is 404. Each change has its audit row.
        Assert.Equal(HttpStatusCode.NoContent,
            (await senco.DeleteAsync("/api/definitions/send-pathway/scenarios/Second try")).StatusCode);
        Assert.Equal(["Six weeks, little progress"], await ScenarioNamesAsync(senco));
        await Pathway.ProblemAsync(await senco.DeleteAsync("/api/definitions/send-pathway/scenarios/Second try"), HttpStatusCode.NotFound);
        await using var db = await p.Factory.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        Assert.Equal(4, await db.Audit.CountAsync(a => a.Resource == "play-scenario" && a.Action == "change"));
    }

    private static async Task<List<string?>> ScenarioNamesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/definitions/send-pathway/scenarios"))!.Select(s => (string?)s!["name"]).ToList();
}
