namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// Half-termly reviews of a pupil's individual provision map, through the API on a real host and SQLite file: each half
/// term of 2026-27 the pathway's progress meeting scores the pupil's SMART targets from -2 to +2 and measures the impact
/// of each intervention; the review's progress is the one the scores give (or the teacher's, with a reason), and that
/// progress is what moves the pupil on the pathway.
/// </summary>
public sealed class IpmReviewTests
{
    private const string HalfTermly = "Half-termly review in the pupil progress meeting";

    private sealed record Setup(string Instance, string Pupil, string Phonics, string Sharing, string Reading);

    private static async Task<Setup> SenSupportWithTargetsAsync(Pathway p)
    {
        var instance = await p.PupilAtAsync("sen-support");
        var pupil = (string)(await p.InstanceAsync(instance))["pupilId"]!;
        var phonics = await TargetAsync(p, pupil, "Blends CVC words with 80% accuracy", "Reads 8 of 10 CVC words unaided");
        var sharing = await TargetAsync(p, pupil, "Takes turns in a group game", "Waits for a turn three times in a ten-minute game");
        var added = await p.Http.PostAsJsonAsync($"/api/pupils/{pupil}/provisions", new
        {
            intervention = "Phonics catch-up group", entryCriteria = "Phase 3 not secure", exitCriteria = "Phase 3 secure",
            startsOn = "2026-09-07", deliveredBy = "SEN TA",
        });
        var reading = (string)(await added.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        return new Setup(instance, pupil, phonics, sharing, reading);
    }

    private static async Task<string> TargetAsync(Pathway p, string pupil, string text, string criteria)
    {
        var response = await p.Http.PostAsJsonAsync($"/api/pupils/{pupil}/targets", new { text, successCriteria = criteria });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<JsonObject?> HalfTermlyTaskAsync(Pathway p, string instance)
    {
        var open = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instance}&status=open"))!;
        return open.SingleOrDefault(t => (string?)t!["title"] == HalfTermly)?.AsObject();
    }

    /// <summary>Moves the clock on a school week at a time until the next half-termly review is open (at most a term).</summary>
    private static async Task<JsonObject> NextReviewAsync(Pathway p, string instance)
    {
        for (var week = 0; week < 16; week++)
        {
            if (await HalfTermlyTaskAsync(p, instance) is { } task) return task;
            await p.AdvanceDaysAsync(7);
        }
        throw new Xunit.Sdk.XunitException("No half-termly review came round within 16 weeks.");
    }

    private static Task<HttpResponseMessage> CompleteAsync(Pathway p, JsonObject task, Dictionary<string, string> form) =>
        p.Http.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { form });

    private static Dictionary<string, string> Scores(Setup s, string phonics, string sharing, params (string, string)[] more)
    {
        var form = new Dictionary<string, string> { [$"score.{s.Phonics}"] = phonics, [$"score.{s.Sharing}"] = sharing };
        foreach (var (k, v) in more) form[k] = v;
        return form;
    }

    private static IEnumerable<string> Fields(JsonObject problem) => problem["errors"]!.AsArray().Select(e => (string)e!["field"]!);

    private static string Message(JsonObject problem, string field) =>
        (string)problem["errors"]!.AsArray().First(e => (string?)e!["field"] == field)!["message"]!;

    [Fact]
    public async Task EachHalfTerm_TheTargetsAreScored_AndTheirProgressMovesThePupil()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var s = await SenSupportWithTargetsAsync(p);

        // Autumn 1: the review's form asks for each open target's score and each running intervention's impact.
        var first = await NextReviewAsync(p, s.Instance);
        var due = new List<string> { (string)first["dueOn"]! };
        var fields = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks/{first["id"]}/form"))!
            .ToDictionary(f => (string)f!["name"]!, f => f!.AsObject());
        Assert.True((bool)fields[$"score.{s.Phonics}"]["required"]!);
        Assert.Equal(["-2", "-1", "0", "+1", "+2"], fields[$"score.{s.Sharing}"]["choices"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("Blends CVC words", (string)fields[$"score.{s.Phonics}"]["label"]!);
        Assert.False((bool)fields["progress"]["required"]!);
        Assert.Contains("progressReason", fields.Keys);
        Assert.Contains($"impact.{s.Reading}", fields.Keys);

        // +1 and 0: a mean of 0.5 gives expected progress; the pupil stays at SEN support.
        var done = await CompleteAsync(p, first, Scores(s, "1", "0", ($"scoreNote.{s.Sharing}", "Needs prompting"),
            ($"impact.{s.Reading}", "some impact")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var answer = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("expected", false), ((string?)answer["task"]!["outcome"], (bool)answer["transitioned"]!));

        // Autumn 2: no progress on either (-1, -1) gives none, but two terms have not passed: the rule waits.
        var second = await NextReviewAsync(p, s.Instance);
        due.Add((string)second["dueOn"]!);
        (await CompleteAsync(p, second, Scores(s, "-1", "-1"))).EnsureSuccessStatusCode();
        Assert.Equal("sen-support", (string?)(await p.InstanceAsync(s.Instance))["state"]);

        // Spring 1: the scores say good (+2, +2) but the teacher records expected and says why; the pupil stays.
        var third = await NextReviewAsync(p, s.Instance);
        due.Add((string)third["dueOn"]!);
        var overridden = await CompleteAsync(p, third,
            Scores(s, "+2", "+2", ("progress", "expected"), ("progressReason", "A good fortnight after a hard term; not yet secure")));
        Assert.Equal("expected", (string?)(await overridden.Content.ReadFromJsonAsync<JsonObject>())!["task"]!["outcome"]);
        Assert.Equal("sen-support", (string?)(await p.InstanceAsync(s.Instance))["state"]);

        // Spring 2: +2 and +1 round to good: the pathway's good-progress rule takes the pupil back to initial concern.
        var fourth = await NextReviewAsync(p, s.Instance);
        due.Add((string)fourth["dueOn"]!);
        // One review each half term of the demo borough's calendar: autumn 2, spring 1 and 2, summer 1.
        Assert.Equal(["2026-11-12", "2027-01-15", "2027-03-04", "2027-04-22"], due);
        var good = await CompleteAsync(p, fourth, Scores(s, "+2", "+1"));
        var moved = (await good.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("good", true, "initial-concern"), ((string?)moved["task"]!["outcome"], (bool)moved["transitioned"]!, (string?)moved["to"]));

        // The map reads back each target's scores in order, and each review's progress beside what the scores gave.
        var ipm = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{s.Pupil}/ipm"))!;
        var targets = ipm["targets"]!.AsArray().ToDictionary(t => (string)t!["id"]!, t => t!["scores"]!.AsArray());
        Assert.Equal([1, -1, 2, 2], targets[s.Phonics].Select(x => (int)x!["score"]!));
        Assert.Equal([0, -1, 2, 1], targets[s.Sharing].Select(x => (int)x!["score"]!));
        Assert.Equal("Needs prompting", (string?)targets[s.Sharing][0]!["note"]);
        var reviews = ipm["reviews"]!.AsArray();
        Assert.Equal(["expected", "none", "expected", "good"], reviews.Select(r => (string)r!["progress"]!));
        Assert.Equal(["expected", "none", "good", "good"], reviews.Select(r => (string)r!["progressFromTargets"]!));
        Assert.Equal("A good fortnight after a hard term; not yet secure", (string?)reviews[2]!["reason"]);
        Assert.Equal(["some impact"], ipm["impacts"]!.AsArray().Select(i => (string)i!["level"]!));

        // The governor's report counts the scores by stage without naming anyone: autumn's +1 and 0; spring's -1, -1, +2, +2.
        await AssertScoresAsync(p, "autumn", [0, 0, 1, 1, 0], "3: SEN support 0 0 1 1 0 +0.5");
        await AssertScoresAsync(p, "spring", [0, 2, 0, 0, 2], "3: SEN support 0 2 0 0 2 +0.5");
    }

    private static async Task AssertScoresAsync(Pathway p, string term, int[] counts, string pdfRow)
    {
        var report = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/schools/oakfield/reports/governor?year=2026-27&term={term}"))!;
        var stage3 = report["targetScoresByStage"]!.AsArray().Single(x => (int)x!["stage"]! == 3)!;
        Assert.Equal(counts, stage3["counts"]!.AsArray().Select(c => (int)c!));
        Assert.All(report["targetScoresByStage"]!.AsArray().Where(x => (int)x!["stage"]! != 3), x => Assert.Null(x!["mean"]));
        var pdf = await p.Http.GetByteArrayAsync($"/api/schools/oakfield/reports/governor.pdf?year=2026-27&term={term}");
        var text = Pdf.Text(pdf);
        Assert.Contains("Target scores at reviews this term, by stage", text);
        Assert.Contains(pdfRow, text);
        Assert.DoesNotContain("Blends CVC", text);
    }

    [Fact]
    public async Task BadScores_AreRefusedWithEveryProblem_AndNothingIsRecorded()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var s = await SenSupportWithTargetsAsync(p);
        var task = await NextReviewAsync(p, s.Instance);

        // A score outside -2..+2, a target left unscored, an impact that is not one of the four.
        var problem = await Pathway.ProblemAsync(await CompleteAsync(p, task, new Dictionary<string, string>
        {
            [$"score.{s.Phonics}"] = "3", [$"impact.{s.Reading}"] = "brilliant",
        }), HttpStatusCode.BadRequest);
        string[] expected = [$"form.impact.{s.Reading}", $"form.score.{s.Phonics}", $"form.score.{s.Sharing}"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Fields(problem).Order(StringComparer.Ordinal));
        Assert.Contains("-2, -1, 0, +1, +2", Message(problem, $"form.score.{s.Phonics}"));

        // A progress other than the scores give, without a reason.
        problem = await Pathway.ProblemAsync(await CompleteAsync(p, task, Scores(s, "-2", "-1", ("progress", "good"))),
            HttpStatusCode.BadRequest);
        Assert.Contains("give 'none' progress", Message(problem, "form.progressReason"));

        Assert.Equal("open", (string?)(await HalfTermlyTaskAsync(p, s.Instance))!["status"]);
        var ipm = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{s.Pupil}/ipm"))!;
        Assert.Empty(ipm["reviews"]!.AsArray());

        // Targets themselves: text and criteria required, a status that is not one of three, a date not yet come.
        problem = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/pupils/{s.Pupil}/targets",
            new { text = " ", setOn = "2027-01-04" }), HttpStatusCode.BadRequest);
        Assert.Equal(["setOn", "successCriteria", "text"], Fields(problem).Order());
        problem = await Pathway.ProblemAsync(await p.Http.PutAsJsonAsync($"/api/targets/{s.Phonics}", new { status = "done" }),
            HttpStatusCode.BadRequest);
        Assert.Contains("open, achieved, stopped", Message(problem, "status"));
    }

    [Fact]
    public async Task AnAchievedTarget_IsNoLongerScored_AndKeepsItsHistory()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var s = await SenSupportWithTargetsAsync(p);
        (await CompleteAsync(p, await NextReviewAsync(p, s.Instance), Scores(s, "+1", "+1"))).EnsureSuccessStatusCode();
        var closed = await p.Http.PutAsJsonAsync($"/api/targets/{s.Sharing}", new { status = "achieved" });
        Assert.Equal("2026-11-09", (string?)(await closed.Content.ReadFromJsonAsync<JsonObject>())!["closedOn"]);

        var task = await NextReviewAsync(p, s.Instance);
        var names = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks/{task["id"]}/form"))!.Select(f => (string)f!["name"]!).ToList();
        Assert.Contains($"score.{s.Phonics}", names);
        Assert.DoesNotContain($"score.{s.Sharing}", names);
        (await CompleteAsync(p, task, new Dictionary<string, string> { [$"score.{s.Phonics}"] = "0" })).EnsureSuccessStatusCode();

        var ipm = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{s.Pupil}/ipm"))!;
        var sharing = ipm["targets"]!.AsArray().Single(t => (string?)t!["id"] == s.Sharing)!;
        Assert.Equal(("achieved", 1), ((string?)sharing["status"], sharing["scores"]!.AsArray().Count));
        Assert.Equal(["expected", "little"], ipm["reviews"]!.AsArray().Select(r => (string)r!["progressFromTargets"]!));
    }
}
