namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// Tasks to a person (issue 17): a task still goes to a role; the SENCo gives it to someone of that role, or someone of
/// the role claims it; releasing gives it back. Each change is journaled on the pupil's workflow and audited, refused with
/// every problem listed when it cannot be, and never overwrites a claim or a completion that came first. The inbox's
/// queues are read a page at a time, with their totals.
/// </summary>
public sealed class TaskAssignmentTests
{
    private const string PupilName = "Imogen Featherstonehaugh";

    [Fact]
    public async Task TheSenco_AssignsAReviewToATeacher_WhoSeesItAssignedToThem_AndCompletesIt()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        var teacher = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        var other = await p.StaffAsync("omar", "class-teacher", "Omar Reid", classes: "3 Oak");
        var olive = await UserIdAsync(teacher);
        var (instance, _) = await PupilInSenSupportAsync(p);
        var review = await OpenTaskAsync(p, instance, "review", "class-teacher");
        Assert.Contains(review, await IdsAsync(other, "available"));
        Assert.Equal(0, (int)(await PageAsync(teacher, "queue=mine"))["total"]!);

        var assigned = await senco.PostAsJsonAsync($"/api/tasks/{review}/assign", new { userId = olive, startBy = "2026-10-14", priority = "high" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var task = (await assigned.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(olive, (string?)task["assignee"]);
        Assert.Equal("high", (string?)task["priority"]);
        Assert.Equal("2026-10-14", (string?)task["startBy"]);

        // Olive sees it under "assigned to me", with her name and the start-by date; Omar no longer finds it available.
        var mine = await PageAsync(teacher, "assignee=me&queue=mine&page=1&pageSize=10");
        Assert.Equal(1, (int)mine["total"]!);
        var item = mine["items"]!.AsArray().Single()!;
        Assert.Equal(review, (string?)item["taskId"]);
        Assert.Equal("Olive Marsh", (string?)item["assigneeName"]);
        Assert.Equal("2026-10-14", (string?)item["startBy"]);
        Assert.True((bool)item["mayRelease"]!);
        Assert.Equal(1, (int)mine["counts"]!["mine"]!);
        Assert.DoesNotContain(review, await IdsAsync(other, "available"));
        Assert.DoesNotContain(review, await IdsAsync(other, "todo"));
        Assert.Contains(review, await IdsAsync(senco, "everyone"));

        // The journal says it was assigned, by whom and to whom (by account), and names no pupil.
        var journal = await p.JournalAsync(instance);
        var entry = journal.Single(j => (string?)j!["kind"] == "task-assigned")!;
        Assert.Equal("Sam Patel", (string?)entry["actor"]);
        Assert.Equal(olive, (string?)entry["data"]!["assignee"]);
        Assert.DoesNotContain(PupilName, entry.ToJsonString(), StringComparison.Ordinal);
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/audit?action=change&pupilId={(string?)item["pupilId"]}"))!;
        Assert.Contains(audit, a => (string?)a!["resource"] == "task" && (string?)a["resourceId"] == review);

        var completed = await teacher.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome = "good", notes = "Targets met" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(0, (int)(await PageAsync(teacher, "queue=mine"))["total"]!);
        var done = (await PageAsync(teacher, "queue=done"))["items"]!.AsArray();
        Assert.Contains(done, d => (string?)d!["taskId"] == review && (string?)d["status"] == "completed" && (string?)d["assignee"] == olive);
    }

    private static async Task<string> CalendarAsync(Pathway p, HttpClient staff)
    {
        var feed = (string)(await staff.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["calendarFeed"]!;
        using var calendarApp = p.Factory.CreateAnonymousClient();
        return await calendarApp.GetStringAsync(new Uri(feed).PathAndQuery);
    }

    [Fact]
    public async Task TheDoneQueue_IsThisSchoolYears_AndTheSencosQueuesAreTheirSchoolsAlone()
    {
        await using var p = await Pathway.StartAsync("2027-07-05");
        var (instance, _) = await PupilInSenSupportAsync(p);
        var review = await OpenTaskAsync(p, instance, "review", "class-teacher");
        var teacher = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        (await teacher.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome = "good", notes = "Targets met" })).EnsureSuccessStatusCode();
        var july = await PageAsync(teacher, "queue=done");
        Assert.Equal(1, (int)july["total"]!);
        Assert.Equal(1, (int)july["counts"]!["done"]!);
        Assert.Equal(review, (string?)july["items"]![0]!["taskId"]);

        // Another school with its own SENCo: neither SENCo's queues hold the other's tasks.
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "far", name = "Far School", boroughId = "demo-borough" })).EnsureSuccessStatusCode();
        var farSenco = await p.StaffAsync("far-senco", "senco", "Fay Senco", schoolId: "far");
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        var ours = (int)(await PageAsync(senco, "queue=everyone"))["total"]!;
        Assert.True(ours > 0);
        Assert.Equal(0, (int)(await PageAsync(farSenco, "queue=everyone"))["total"]!);

        // On the new school year the queue starts again; the work done stays in the pupil's journal.
        await p.AdvanceToAsync("2027-09-06");
        teacher = await p.SignInAsync("olive");
        var september = await PageAsync(teacher, "queue=done");
        Assert.Equal(0, (int)september["total"]!);
        Assert.Equal(0, (int)september["counts"]!["done"]!);
        Assert.Contains(await p.JournalAsync(instance), j => (string?)j!["kind"] == "task-completed" && (string?)j["data"]!["taskId"] == review);
    }

    [Fact]
    public async Task ATeachingAssistant_ClaimsAnAvailableTask_AndASecondClaimByAnotherIsAConflict()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var first = await p.StaffAsync("tara", "teaching-assistant", "Tara Quinn", classes: "3 Oak");
        var second = await p.StaffAsync("tom", "teaching-assistant", "Tom Hale", classes: "3 Oak");
        var tara = await UserIdAsync(first);
        var (instance, _) = await PupilInSenSupportAsync(p);
        var voice = await OpenTaskAsync(p, instance, "form", "teaching-assistant");
        Assert.Contains(voice, await IdsAsync(first, "available"));

        var claimed = await first.PostAsJsonAsync($"/api/tasks/{voice}/claim", new { });
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(tara, (string?)(await claimed.Content.ReadFromJsonAsync<JsonObject>())!["assignee"]);
        // Claiming it again changes nothing; another's claim is refused and changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync($"/api/tasks/{voice}/claim", new { })).StatusCode);
        var problem = await Pathway.ProblemAsync(await second.PostAsJsonAsync($"/api/tasks/{voice}/claim", new { }), HttpStatusCode.Conflict);
        Assert.Contains("already claimed by Tara Quinn", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(tara, (string?)(await p.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{voice}"))!["assignee"]);
        Assert.Contains(voice, await IdsAsync(first, "mine"));
        Assert.DoesNotContain(voice, await IdsAsync(second, "available"));
        // The plain inbox list leaves out what a colleague holds, too.
        Assert.Contains((await first.GetFromJsonAsync<JsonArray>("/api/inbox"))!, t => (string?)t!["taskId"] == voice);
        Assert.DoesNotContain((await second.GetFromJsonAsync<JsonArray>("/api/inbox"))!, t => (string?)t!["taskId"] == voice);
        // And so do the calendar feeds: the task is in Tara's calendar, no longer in Tom's.
        Assert.Contains($"UID:{voice}@sendworkflow", await CalendarAsync(p, first));
        Assert.DoesNotContain($"UID:{voice}@sendworkflow", await CalendarAsync(p, second));
        var journal = await p.JournalAsync(instance);
        var claim = Assert.Single(journal, j => (string?)j!["kind"] == "task-assigned")!;
        Assert.Equal("claimed", (string?)claim["data"]!["how"]);
        Assert.Equal("Tara Quinn", (string?)claim["actor"]);
        // The pupil's record tells it in plain words, with who did it.
        var pupil = (string)(await p.InstanceAsync(instance))["pupilId"]!;
        var chronology = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupil}/record"))!["chronology"]!.AsArray();
        Assert.Contains(chronology, l => ((string)l!["detail"]!).EndsWith("claimed by a teaching-assistant.", StringComparison.Ordinal)
            && (string?)l["who"] == "Tara Quinn");
    }

    [Fact]
    public async Task Releasing_GivesTheTaskBackToItsRole_AndIsJournaled()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        var teacher = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        var first = await p.StaffAsync("tara", "teaching-assistant", "Tara Quinn", classes: "3 Oak");
        var second = await p.StaffAsync("tom", "teaching-assistant", "Tom Hale", classes: "3 Oak");
        var (instance, _) = await PupilInSenSupportAsync(p);
        var voice = await OpenTaskAsync(p, instance, "form", "teaching-assistant");

        (await first.PostAsJsonAsync($"/api/tasks/{voice}/claim", new { })).EnsureSuccessStatusCode();
        // Tom is of the role but does not hold it; Olive is not of its role: neither may release it.
        await Pathway.ProblemAsync(await second.PostAsJsonAsync($"/api/tasks/{voice}/release", new { }), HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await teacher.PostAsJsonAsync($"/api/tasks/{voice}/release", new { }), HttpStatusCode.Forbidden);
        var released = await first.PostAsJsonAsync($"/api/tasks/{voice}/release", new { });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Null((await released.Content.ReadFromJsonAsync<JsonObject>())!["assignee"]);
        Assert.Contains(voice, await IdsAsync(second, "available"));
        await Pathway.ProblemAsync(await first.PostAsJsonAsync($"/api/tasks/{voice}/release", new { }), HttpStatusCode.Conflict);

        // Tom claims it now; the SENCo may take it back from him.
        (await second.PostAsJsonAsync($"/api/tasks/{voice}/claim", new { })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await senco.PostAsJsonAsync($"/api/tasks/{voice}/release", new { })).StatusCode);

        var kinds = (await p.JournalAsync(instance)).Select(j => (string?)j!["kind"])
            .Where(k => k is "task-assigned" or "task-released").ToList();
        Assert.Equal(["task-assigned", "task-released", "task-assigned", "task-released"], kinds);
        var last = (await p.JournalAsync(instance)).Last(j => (string?)j!["kind"] == "task-released")!;
        Assert.Equal("Sam Patel", (string?)last["actor"]);
        Assert.Contains("released to every teaching-assistant", (string?)last["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssigningToSomeoneOutsideTheRoleSchoolOrClass_IsRefusedWithEveryProblem_AndChangesNothing()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "elm", name = "Elm Grove", boroughId = "demo-borough" })).EnsureSuccessStatusCode();
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        var teacher = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        var ta = await UserIdAsync(await p.StaffAsync("tara", "teaching-assistant", "Tara Quinn", classes: "3 Oak"));
        var ash = await UserIdAsync(await p.StaffAsync("ash", "class-teacher", "Ada Ash", classes: "4 Ash"));
        var elmTeacher = await UserIdAsync(await p.StaffAsync("elmt", "class-teacher", "Eli Elm", "elm", "3 Oak"));
        var elmSenco = await UserIdAsync(await p.StaffAsync("elms", "senco", "Ella Elm", "elm"));
        var (instance, _) = await PupilInSenSupportAsync(p);
        var review = await OpenTaskAsync(p, instance, "review", "class-teacher");
        var before = (await p.JournalAsync(instance)).Count;

        async Task<List<string>> RefusedAsync(HttpClient who, object body, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var problem = await Pathway.ProblemAsync(await who.PostAsJsonAsync($"/api/tasks/{review}/assign", body), status);
            return problem["errors"]!.AsArray().Select(e => (string)e!["message"]!).ToList();
        }

        var elsewhere = await RefusedAsync(senco, new { userId = elmTeacher });
        Assert.Equal(["'" + elmTeacher + "' is not on the staff of the pupil's school."], elsewhere);
        var wrongRole = await RefusedAsync(senco, new { userId = ta });
        Assert.Equal(["Tara Quinn is a teaching-assistant; 'Review SEN targets and the individual provision map with parents "
            + "(October, February, July)' is for a class-teacher."], wrongRole);
        var both = await RefusedAsync(senco, new { userId = elmSenco });
        Assert.Equal(2, both.Count);
        Assert.Contains(both, m => m.Contains("not on the staff of the pupil's school", StringComparison.Ordinal));
        Assert.Contains(both, m => m.Contains("Ella Elm is a senco", StringComparison.Ordinal));
        Assert.Equal(["Ada Ash does not work with 3 Oak, the pupil's class, so cannot see the pupil."],
            await RefusedAsync(senco, new { userId = ash }));
        Assert.Single(await RefusedAsync(senco, new { userId = "nobody-at-all" }));
        var form = await RefusedAsync(senco, new { priority = "urgent", startBy = "2031-01-01" });
        Assert.Equal(2, form.Count);
        Assert.Contains("'userId' is required.", form);
        Assert.Contains("'priority' is low, normal or high.", form);
        var olive = await UserIdAsync(teacher);
        Assert.Single(await RefusedAsync(senco, new { userId = olive, startBy = "2027-01-04" }));
        // A class teacher may not assign, even to herself.
        await RefusedAsync(teacher, new { userId = olive }, HttpStatusCode.Forbidden);

        Assert.Null((await p.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{review}"))!["assignee"]);
        Assert.Equal(before, (await p.JournalAsync(instance)).Count);
        var refusals = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/audit?action=refused"))!;
        Assert.Contains(refusals, a => (string?)a!["path"] == $"/api/tasks/{review}/assign");

        // Once it is completed it can be neither assigned nor claimed.
        (await p.Http.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome = "expected" })).EnsureSuccessStatusCode();
        await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"/api/tasks/{review}/assign", new { userId = olive }), HttpStatusCode.Conflict);
        await Pathway.ProblemAsync(await teacher.PostAsJsonAsync($"/api/tasks/{review}/claim", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AQueue_IsReadAPageAtATime_WithItsTotal_AndBadQueriesListEveryProblem()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var teacher = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        for (var i = 0; i < 4; i++) await PupilInClassAsync(p, "3 Oak");
        await PupilInClassAsync(p, "4 Ash");
        // Four pupils of 3 Oak at stage 1, six class-teacher tasks each; 4 Ash's are not Olive's to see.
        var all = await PageAsync(teacher, "queue=todo&page=1&pageSize=100");
        Assert.Equal(24, (int)all["total"]!);
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var body = await PageAsync(teacher, $"queue=todo&page={page}&pageSize=10");
            Assert.Equal(24, (int)body["total"]!);
            Assert.Equal(3, (int)body["pages"]!);
            var items = body["items"]!.AsArray();
            Assert.Equal(page < 3 ? 10 : 4, items.Count);
            seen.AddRange(items.Select(t => (string)t!["taskId"]!));
        }
        Assert.Equal(24, seen.Distinct().Count());
        Assert.Equal(all["items"]!.AsArray().Select(t => (string)t!["taskId"]!), seen);
        var dues = all["items"]!.AsArray().Select(t => (string)t!["dueOn"]!).ToList();
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);
        Assert.Empty((await PageAsync(teacher, "queue=todo&page=4&pageSize=10"))["items"]!.AsArray());
        Assert.Equal(0, (int)all["counts"]!["attention"]!);

        // Past their due day, the first ones need attention.
        await p.AdvanceToAsync("2026-10-20");
        var again = await p.SignInAsync("olive");
        var attention = await PageAsync(again, "queue=attention&pageSize=5");
        Assert.True((int)attention["total"]! > 0);
        Assert.All(attention["items"]!.AsArray(), t => Assert.True((bool)t!["overdue"]!));

        // The list without a queue or a page is as it always was: an array.
        Assert.IsType<JsonArray>(JsonNode.Parse(await (await again.GetAsync("/api/tasks?status=open")).Content.ReadAsStringAsync()));

        var bad = await Pathway.ProblemAsync(await again.GetAsync("/api/tasks?queue=later&pageSize=1000&sort=name&status=open"),
            HttpStatusCode.BadRequest);
        Assert.Equal(["pageSize", "queue", "sort", "status"],
            bad["errors"]!.AsArray().Select(e => (string)e!["field"]!).Order(StringComparer.Ordinal).ToList());
        await Pathway.ProblemAsync(await again.GetAsync("/api/tasks?queue=everyone"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AQueue_SearchedByName_HoldsThatPupilsTasksAlone()
    {
        // The search finds the pupils named, then their instances and tasks (as a pupil's tasks are found: SubjectTasks).
        await using var p = await Pathway.StartAsync("2026-10-12");
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        var imogen = await PupilInClassAsync(p, "3 Oak");
        await PupilInClassAsync(p, "3 Oak", "Arthur Penhaligon");
        var hers = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?pupilId={imogen}&status=open"))!
            .Select(t => (string)t!["id"]!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(hers);
        var found = await PageAsync(senco, "queue=everyone&search=feather&pageSize=100");
        Assert.Equal(hers.Count, (int)found["total"]!);
        Assert.Equal(hers, found["items"]!.AsArray().Select(t => (string)t!["taskId"]!).Order(StringComparer.Ordinal));
        Assert.All(found["items"]!.AsArray(), t => Assert.Equal(imogen, (string?)t!["pupilId"]));
        Assert.True((int)(await PageAsync(senco, "queue=everyone&pageSize=1"))["total"]! > hers.Count);
        Assert.Equal(0, (int)(await PageAsync(senco, "queue=everyone&search=nobody"))["total"]!);
    }

    [Fact]
    public async Task SavedFilters_AreEachPersonsOwn()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var olive = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        var omar = await p.StaffAsync("omar", "class-teacher", "Omar Reid", classes: "3 Oak");

        var saved = await olive.PutAsJsonAsync("/api/me/inbox-filters/Overdue in 3 Oak",
            new { queue = "attention", className = "3 Oak", sort = "priority" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        (await olive.PutAsJsonAsync("/api/me/inbox-filters/Overdue in 3 Oak", new { queue = "attention", className = "3 Oak", stage = 2 }))
            .EnsureSuccessStatusCode();
        var mine = (await olive.GetFromJsonAsync<JsonArray>("/api/me/inbox-filters"))!;
        var filter = Assert.Single(mine)!;
        Assert.Equal(("Overdue in 3 Oak", "attention", "3 Oak", 2, null), ((string?)filter["name"], (string?)filter["queue"],
            (string?)filter["className"], (int?)filter["stage"], (string?)filter["sort"]));
        Assert.Empty((await omar.GetFromJsonAsync<JsonArray>("/api/me/inbox-filters"))!);
        await Pathway.ProblemAsync(await omar.DeleteAsync("/api/me/inbox-filters/Overdue in 3 Oak"), HttpStatusCode.NotFound);

        var odd = await olive.PutAsJsonAsync("/api/me/inbox-filters/Odd", new { queue = "later", sort = "name", stage = 12 });
        var bad = await Pathway.ProblemAsync(odd, HttpStatusCode.BadRequest);
        Assert.Equal(["queue", "sort", "stage"], bad["errors"]!.AsArray().Select(e => (string)e!["field"]!).Order(StringComparer.Ordinal));
        Assert.Single((await olive.GetFromJsonAsync<JsonArray>("/api/me/inbox-filters"))!);
        // The bootstrap token is no one's account: it has no filters to keep.
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/me/inbox-filters"), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await olive.DeleteAsync("/api/me/inbox-filters/Overdue in 3 Oak")).StatusCode);
        Assert.Empty((await olive.GetFromJsonAsync<JsonArray>("/api/me/inbox-filters"))!);
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=change"))!;
        Assert.Equal(3, audit.Count(a => (string?)a!["resource"] == "inbox-filter"));
    }

    [Fact]
    public async Task ConcurrentClaims_AndAnAssignmentRacingACompletion_LoseNothing()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var senco = await p.StaffAsync("senco", "senco", "Sam Patel");
        var teacher = await p.StaffAsync("olive", "class-teacher", "Olive Marsh", classes: "3 Oak");
        var olive = await UserIdAsync(teacher);
        var assistants = new List<HttpClient>();
        for (var i = 0; i < 6; i++) assistants.Add(await p.StaffAsync($"ta{i}", "teaching-assistant", $"Assistant {i}", classes: "3 Oak"));
        var (instance, _) = await PupilInSenSupportAsync(p);
        var voice = await OpenTaskAsync(p, instance, "form", "teaching-assistant");

        var claims = await Task.WhenAll(assistants.Select(a => a.PostAsJsonAsync($"/api/tasks/{voice}/claim", new { })));
        Assert.Single(claims, c => c.StatusCode == HttpStatusCode.OK);
        Assert.All(claims, c => Assert.True(c.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, c.StatusCode.ToString()));
        Assert.Single(await p.JournalAsync(instance), j => (string?)j!["kind"] == "task-assigned");

        // Assign and complete at once, many times over: the completion always stands, and an assignment either came first
        // (and is kept) or is refused.
        for (var round = 0; round < 5; round++)
        {
            var (next, _) = await PupilInSenSupportAsync(p);
            var review = await OpenTaskAsync(p, next, "review", "class-teacher");
            var assign = senco.PostAsJsonAsync($"/api/tasks/{review}/assign", new { userId = olive });
            var complete = teacher.PostAsJsonAsync($"/api/tasks/{review}/complete", new { outcome = "expected" });
            var (assigned, completed) = (await assign, await complete);
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
            Assert.True(assigned.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, assigned.StatusCode.ToString());
            var task = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{review}"))!;
            Assert.Equal("completed", (string?)task["status"]);
            Assert.Equal(assigned.StatusCode == HttpStatusCode.OK ? olive : null, (string?)task["assignee"]);
        }
    }

    private static async Task<string> UserIdAsync(HttpClient client) =>
        (string)(await client.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["id"]!;

    private static async Task<JsonObject> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/tasks?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string queue) =>
        (await PageAsync(client, $"queue={queue}&pageSize=100"))["items"]!.AsArray().Select(t => (string)t!["taskId"]!).ToList();

    private static async Task<string> OpenTaskAsync(Pathway p, string instance, string kind, string role) =>
        (string)(await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instance}&status=open&role={role}"))!
            .First(t => (string?)t!["kind"] == kind)!["id"]!;

    /// <summary>A pupil of 3 Oak on SEN support (stage 3), reached by the pathway's own events; returns the instance.</summary>
    private static async Task<(string Instance, string Pupil)> PupilInSenSupportAsync(Pathway p)
    {
        var instance = await p.PupilAtAsync("sen-support");
        var pupil = (string)(await p.InstanceAsync(instance))["pupilId"]!;
        (await p.Http.PutAsJsonAsync($"/api/pupils/{pupil}", new { name = PupilName, className = "3 Oak" })).EnsureSuccessStatusCode();
        return (instance, pupil);
    }

    /// <summary>A new pupil of the class, started on the pathway; returns the pupil's id.</summary>
    private static async Task<string> PupilInClassAsync(Pathway p, string className, string name = PupilName)
    {
        var id = await p.NewPupilAsync();
        (await p.Http.PutAsJsonAsync($"/api/pupils/{id}", new { name, className })).EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = id })).EnsureSuccessStatusCode();
        return id;
    }
}
