using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// Running pupils moved from version 1 of the pathway to version 2 (issue 16.1) on the simulated clock: version 2 renames
/// stage 2, drops the intervention letter from stage 1 and adds a phone call to the parents. The preview writes nothing;
/// the move keeps each pupil's time in a kept state (timers keep their days), never hands out again what was done, journals
/// each move once, skips the pupil who moved on since the preview, and an interrupted move resumes with every pupil moved
/// exactly once.
/// </summary>
public class MigrationTests : ProviderSuite
{
    private const string Letter = "Send the intervention letter to parents";
    private const string Call = "Phone the parents about the concern";
    private const string Early = "Start early intervention";

    /// <summary>Version 2 of the pathway, published by the administrator: stage 2 renamed, stage 1's letter replaced by a call.</summary>
    internal static async Task PublishVersionTwoAsync(Pathway p)
    {
        var text = await p.Http.GetStringAsync("/api/definitions/send-pathway?version=1");
        var v2 = JsonNode.Parse(text.Replace("\"initial-concern\"", "\"initial-concern-review\"", StringComparison.Ordinal))!.AsObject();
        var tasks = v2["states"]!.AsArray().Single(s => (string?)s!["id"] == "cause-of-concern")!["tasks"]!.AsArray();
        tasks.Remove(tasks.Single(t => (string?)t!["id"] == "intervention-letter"));
        tasks.Add(new JsonObject
        {
            ["id"] = "parent-call", ["title"] = Call, ["role"] = "class-teacher", ["due"] = new JsonObject { ["schoolDays"] = 5 },
        });
        var saved = await p.Http.PutAsJsonAsync("/api/definitions/send-pathway/draft", v2);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(2, (int)(await saved.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);
        var published = await p.Http.PostAsJsonAsync("/api/definitions/send-pathway/publish", new { });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    internal static async Task<JsonObject> UntilAsync(HttpClient http, string url, Func<JsonObject, bool> done)
    {
        for (var i = 0; i < 900; i++)
        {
            var progress = (await http.GetFromJsonAsync<JsonObject>(url))!;
            if (done(progress)) return progress;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{url} did not get there: {await http.GetStringAsync(url)}");
    }

    private static async Task<JsonArray> TasksAsync(Pathway p, string instance) =>
        (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instance}&take=200"))!;

    private static async Task<int> MovesInJournalAsync(Pathway p, string instance) =>
        (await p.JournalAsync(instance)).Count(j => (string?)j!["kind"] == "migrated");

    [Fact]
    public async Task TwoHundredPupils_MoveToVersionTwo_KeepingTimeInState_AndNothingDoneRunsAgain()
    {
        await using var p = await StartAsync("2026-09-14");
        var states = new (string State, int Count)[]
        {
            ("cause-of-concern", 60), ("statutory-assessment", 40), ("sen-support-agencies", 30), ("ehcp", 30), ("sen-support", 20),
            ("initial-concern", 20),
        };
        var pupils = new List<(string Instance, string State)>();
        foreach (var (state, count) in states)
        {
            for (var i = 0; i < count; i++) pupils.Add((await p.PupilAtAsync(state), state));
        }
        Assert.Equal(200, pupils.Count);
        var stage1 = pupils.Where(x => x.State == "cause-of-concern").Select(x => x.Instance).ToList();
        // Ten pupils' early intervention has started: done work, which no version may hand out again.
        foreach (var instance in stage1.Take(10))
        {
            var early = (await TasksAsync(p, instance)).Single(t => (string?)t!["title"] == Early)!;
            (await p.Http.PostAsJsonAsync($"/api/tasks/{early["id"]}/complete", new { notes = "Daily phonics" })).EnsureSuccessStatusCode();
        }
        await p.AdvanceToAsync("2026-09-21");
        var kept = stage1[0];
        var before = await p.InstanceAsync(kept);
        await PublishVersionTwoAsync(p);

        var map = new Dictionary<string, string> { ["initial-concern"] = "initial-concern-review" };
        var preview = await p.Http.PostAsJsonAsync("/api/definitions/send-pathway/migrations",
            new { fromVersion = 1, toVersion = 2, stateMap = map, dryRun = true });
        Assert.True(preview.StatusCode == HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var plan = (await preview.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(200, (int)plan["count"]!);
        var plans = plan["pupils"]!.AsArray().ToDictionary(x => (string)x!["instanceId"]!, x => x!.AsObject());
        var keptPlan = plans[kept];
        Assert.True((bool)keptPlan["stateKept"]!);
        Assert.Equal("cause-of-concern", (string?)keptPlan["stateAfter"]);
        Assert.Contains(keptPlan["tasksCancelled"]!.AsArray(), t => (string?)t!["title"] == Letter);
        Assert.Contains(keptPlan["tasksCreated"]!.AsArray(), t => (string?)t!["title"] == Call);
        Assert.DoesNotContain(keptPlan["tasksCreated"]!.AsArray(), t => (string?)t!["title"] == Early);
        var timer = before["pendingTimers"]!.AsArray().Single()!;
        var keptTimer = keptPlan["timersKept"]!.AsArray().Single()!;
        Assert.Equal((string?)timer["dueOn"], (string?)keptTimer["dueOn"]);
        Assert.Null(keptTimer["wasDueOn"]);
        var renamed = pupils.First(x => x.State == "initial-concern").Instance;
        Assert.Equal("initial-concern-review", (string?)plans[renamed]["stateAfter"]);
        Assert.False((bool)plans[renamed]["stateKept"]!);
        Assert.NotEmpty(plans[renamed]["tasksCreated"]!.AsArray());
        Assert.NotEmpty(plans[renamed]["timersStarted"]!.AsArray());
        // The preview wrote nothing.
        Assert.Equal(1, (int)(await p.InstanceAsync(kept))["version"]!);
        Assert.Equal(0, await MovesInJournalAsync(p, renamed));

        // One pupil moves on between the preview and the move: a request for assessment takes them to stage 5.
        var movedOn = stage1[^1];
        await p.RaiseAsync(movedOn, "assessment.requested", new { by = "parent" });
        var expected = plans.ToDictionary(x => x.Key, x => (string)x.Value["stateBefore"]!);
        var apply = await p.Http.PostAsJsonAsync("/api/definitions/send-pathway/migrations",
            new { fromVersion = 1, toVersion = 2, stateMap = map, expectedStates = expected, dryRun = false });
        Assert.True(apply.StatusCode == HttpStatusCode.Accepted, await apply.Content.ReadAsStringAsync());
        var url = apply.Headers.Location!.ToString();
        var done = await UntilAsync(p.Http, url, x => (string?)x["status"] == "done");
        Assert.Equal((200, 199, 1, 0, 0), ((int)done["total"]!, (int)done["moved"]!, (int)done["skipped"]!, (int)done["failed"]!,
            (int)done["pending"]!));
        var skipped = done["pupils"]!.AsArray().Single(x => (string?)x!["status"] == "skipped")!;
        Assert.Equal(movedOn, (string?)skipped["instanceId"]);
        Assert.Contains("moved on from 'cause-of-concern' to 'statutory-assessment'", (string?)skipped["reason"], StringComparison.Ordinal);
        Assert.Equal(1, (int)(await p.InstanceAsync(movedOn))["version"]!);

        // The kept pupil: same state, same entry time, the timer's day unchanged; the letter cancelled, the call handed out.
        var after = await p.InstanceAsync(kept);
        Assert.Equal(2, (int)after["version"]!);
        Assert.Equal((string?)before["enteredStateAt"], (string?)after["enteredStateAt"]);
        Assert.Equal((string?)timer["dueOn"], (string?)after["pendingTimers"]!.AsArray().Single()!["dueOn"]);
        var tasks = await TasksAsync(p, kept);
        Assert.Equal("cancelled", (string?)tasks.Single(t => (string?)t!["title"] == Letter)!["status"]);
        Assert.Equal("open", (string?)tasks.Single(t => (string?)t!["title"] == Call)!["status"]);
        foreach (var instance in stage1.Take(10))
        {
            var early = (await TasksAsync(p, instance)).Where(t => (string?)t!["title"] == Early).ToList();
            Assert.Equal("completed", (string?)Assert.Single(early)!["status"]);
        }
        // The renamed stage: entered as a transition would enter it, stage 2 still.
        var moved = await p.InstanceAsync(renamed);
        Assert.Equal(("initial-concern-review", 2), ((string)moved["state"]!, (int)moved["stage"]!));
        var line = (await p.JournalAsync(renamed)).Single(j => (string?)j!["kind"] == "migrated")!;
        Assert.StartsWith("Moved from version 1 to version 2 by ", (string?)line["detail"], StringComparison.Ordinal);
        foreach (var (instance, _) in pupils.Where(x => x.Instance != movedOn))
            Assert.Equal(1, await MovesInJournalAsync(p, instance));
        Assert.Equal(0, await MovesInJournalAsync(p, movedOn));
    }

    [Fact]
    public async Task AMoveInterruptedAfterOneBatch_ResumesAfterARestart_AndMovesEveryPupilExactlyOnce()
    {
        var file = TestFiles.Database();
        var instances = new List<string>();
        string url;
        var stopping = new Dictionary<string, string?> { ["Migrations:BatchSize"] = "10", ["Migrations:StopAfterBatches"] = "1" };
        await using (var p = await StartAsync("2026-09-14", file, settings: stopping))
        {
            for (var i = 0; i < 30; i++) instances.Add(await p.PupilAtAsync(i % 3 == 0 ? "initial-concern" : "cause-of-concern"));
            await PublishVersionTwoAsync(p);
            var map = new Dictionary<string, string> { ["initial-concern"] = "initial-concern-review" };
            var apply = await p.Http.PostAsJsonAsync("/api/definitions/send-pathway/migrations",
                new { fromVersion = 1, toVersion = 2, stateMap = map, dryRun = false });
            Assert.True(apply.StatusCode == HttpStatusCode.Accepted, await apply.Content.ReadAsStringAsync());
            url = apply.Headers.Location!.ToString();
            var stopped = await UntilAsync(p.Http, url, x => (int)x["moved"]! == 10);
            await Task.Delay(500);
            stopped = (await p.Http.GetFromJsonAsync<JsonObject>(url))!;
            Assert.Equal(("running", 10, 20), ((string)stopped["status"]!, (int)stopped["moved"]!, (int)stopped["pending"]!));
        }

        // The service starts again: it resumes the move by itself, and a resume call meanwhile does not run it twice.
        await using (var p = await StartAsync("2026-09-14", file))
        {
            var resumed = await p.Http.PostAsJsonAsync($"{url}/resume", new { });
            Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
            var done = await UntilAsync(p.Http, url, x => (string?)x["status"] == "done");
            Assert.Equal((30, 30, 0), ((int)done["total"]!, (int)done["moved"]!, (int)done["skipped"]!));
            foreach (var instance in instances)
            {
                Assert.Equal(2, (int)(await p.InstanceAsync(instance))["version"]!);
                Assert.Equal(1, await MovesInJournalAsync(p, instance));
            }
        }
    }
}

/// <summary>The same moves on PostgreSQL: the move's tables, its unique running index and the resume after a restart.</summary>
public sealed class MigrationTestsOnPostgres : MigrationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
