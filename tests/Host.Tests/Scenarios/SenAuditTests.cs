using SendWorkflow.Send.SenAudits;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The borough's SEN audit of a school (seed 001) on the simulated clock: scheduled with its day and team (an LA officer and
/// the SENCo of another school of the borough), two pupils drawn at SEN support and two with outside agencies (the same
/// seed, the same pupils; recorded), the team reading those four records on the audit day and on no other day (and no other
/// pupil), the verbal feedback, the report's PDF read back, its actions in the school's action plan, the autumn follow-up
/// task; a school whose last audit is two years old is scheduled by the daily round; bad input lists every problem and
/// changes nothing.
/// </summary>
public sealed class SenAuditTests
{
    private const string Audits = "/api/boroughs/demo-borough/sen-audits";

    private sealed record World(Pathway P, HttpClient La, string LaId, HttpClient Visitor, string VisitorId, HttpClient Senco, string SencoId);

    /// <summary>Oakfield and Elmwood in the demo borough, its LA officer, Elmwood's SENCo (the visitor) and Oakfield's.</summary>
    private static async Task<World> WorldAsync(Pathway p)
    {
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "elmwood", name = "Elmwood Primary", boroughId = "demo-borough" }))
            .EnsureSuccessStatusCode();
        var created = await p.Http.PostAsJsonAsync("/api/users", new
        {
            email = "lena@test.example", displayName = "Lena Officer", role = "la-officer", boroughId = "demo-borough",
            password = Pathway.StaffPassword,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var la = await p.SignInAsync("lena");
        var visitor = await p.StaffAsync("vera", "senco", "Vera Visitor", "elmwood");
        var senco = await p.StaffAsync("olive", "senco", "Olive Oakfield", "oakfield");
        return new World(p, la, await IdAsync(la), visitor, await IdAsync(visitor), senco, await IdAsync(senco));
    }

    private static async Task<string> IdAsync(HttpClient client) =>
        (string)(await client.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["id"]!;

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static IEnumerable<string> Errors(JsonObject problem) => problem["errors"]!.AsArray().Select(e => (string)e!["field"]!);

    private static List<(string Pupil, string State)> Sample(JsonObject audit) =>
        audit["sample"]!.AsArray().Select(s => ((string)s!["pupilId"]!, (string)s["state"]!)).ToList();

    private static List<string> Tasks(JsonObject audit) => audit["openTasks"]!.AsArray().Select(t => (string)t!["title"]!).ToList();

    [Fact]
    public async Task AnAudit_IsScheduled_Drawn_Held_Reported_AndFollowedUpInTheAutumn()
    {
        await using var p = await Pathway.StartAsync("2027-01-11");
        var w = await WorldAsync(p);
        var support = new[] { await p.PupilAtAsync("sen-support"), await p.PupilAtAsync("sen-support"), await p.PupilAtAsync("sen-support") };
        var agencies = new[] { await p.PupilAtAsync("sen-support-agencies"), await p.PupilAtAsync("sen-support-agencies") };
        var elsewhere = await p.PupilAtAsync("cause-of-concern");
        var pupilIds = new Dictionary<string, string>();
        foreach (var instance in support.Concat(agencies).Append(elsewhere))
            pupilIds[instance] = (string)(await p.InstanceAsync(instance))["pupilId"]!;

        // Scheduled by the LA officer with its day and team: the school prepares, the officer holds the day.
        var audit = await OkAsync(await w.La.PostAsJsonAsync(Audits,
            new { schoolId = "oakfield", auditOn = "2027-02-03", officerId = w.LaId, visitingSencoId = w.VisitorId }), HttpStatusCode.Created);
        var id = (string)audit["id"]!;
        Assert.Equal(("scheduled", "scheduled", "by hand"), ((string?)audit["status"], (string?)audit["state"], (string?)audit["scheduledHow"]));
        Assert.Equal(("Lena Officer", "Vera Visitor", "elmwood"),
            ((string?)audit["officer"]!["name"], (string?)audit["visitingSenco"]!["name"], (string?)audit["visitingSenco"]!["schoolId"]));
        var open = audit["openTasks"]!.AsArray();
        Assert.Contains(open, t => ((string)t!["title"]!).StartsWith("Prepare for the SEN audit", StringComparison.Ordinal)
            && (string?)t["role"] == "senco" && (string?)t["dueOn"] == "2027-02-03");
        Assert.Contains(open, t => ((string)t!["title"]!).StartsWith("Hold the SEN audit day", StringComparison.Ordinal)
            && (string?)t["role"] == "la-officer" && (string?)t["dueOn"] == "2027-02-03");
        // The school's SENCo finds the preparation in their inbox (the borough's work on their school).
        var inbox = (await w.Senco.GetFromJsonAsync<JsonArray>("/api/tasks?status=open&take=200"))!;
        Assert.Contains(inbox, t => ((string)t!["title"]!).StartsWith("Prepare for the SEN audit", StringComparison.Ordinal));

        // The draw: two of the three at SEN support, both with outside agencies; recorded with its seed; asked again, the same.
        var drawn = await OkAsync(await w.La.PostAsync($"/api/sen-audits/{id}/draw", null));
        var sample = Sample(drawn);
        Assert.Equal(4, sample.Count);
        Assert.Equal(2, sample.Count(s => s.State == "sen-support"));
        Assert.Equal(agencies.Select(a => pupilIds[a]).Order(), sample.Where(s => s.State == "sen-support-agencies").Select(s => s.Pupil).Order());
        Assert.All(sample.Where(s => s.State == "sen-support"), s => Assert.Contains(s.Pupil, support.Select(x => pupilIds[x])));
        Assert.Empty(drawn["sampleWarnings"]!.AsArray());
        var seed = (int)drawn["seed"]!;
        Assert.Equal(sample, Sample(await OkAsync(await w.La.PostAsync($"/api/sen-audits/{id}/draw", null))));
        var register = support.Select(s => (pupilIds[s], "sen-support")).Concat(agencies.Select(a => (pupilIds[a], "sen-support-agencies")));
        Assert.Equal(sample, AuditSampler.Draw(seed, register.Reverse()).ToList());
        var drawnPupils = sample.Select(s => s.Pupil).ToList();
        var notDrawn = support.Select(s => pupilIds[s]).Except(drawnPupils).Single();

        // The day before: the visiting SENCo reads none of the four; the officer sees the borough's statutory work only.
        await p.AdvanceToAsync("2027-02-02");
        var visitor = await p.SignInAsync("vera");
        var la = await p.SignInAsync("lena");
        foreach (var pupil in drawnPupils)
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/pupils/{pupil}/record")).StatusCode);
        var before = await OkAsync(await la.GetAsync($"/api/pupils/{drawnPupils[0]}/record"));
        Assert.DoesNotContain(before["workflows"]!.AsArray(), x => (string?)x!["workflow"] == "SEND graduated pathway");
        Assert.True((bool)(await visitor.GetFromJsonAsync<JsonArray>("/api/sen-audits"))![0]!["sampleHidden"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await la.PostAsJsonAsync($"/api/sen-audits/{id}/feedback",
            new { verbalFeedback = "Early", provisionNotes = "Early", budgetNotes = "Early" })).StatusCode);

        // The audit day: the team reads the four records (audited), no other pupil's, and changes none.
        await p.AdvanceToAsync("2027-02-03");
        visitor = await p.SignInAsync("vera");
        la = await p.SignInAsync("lena");
        foreach (var pupil in drawnPupils)
        {
            var record = await OkAsync(await visitor.GetAsync($"/api/pupils/{pupil}/record"));
            Assert.Equal(("oakfield", pupil), ((string?)record["schoolId"], (string?)record["pupilId"]));
            Assert.Contains(record["workflows"]!.AsArray(), x => (string?)x!["workflow"] == "SEND graduated pathway");
        }
        Assert.Contains((await OkAsync(await la.GetAsync($"/api/pupils/{drawnPupils[0]}/record")))["workflows"]!.AsArray(),
            x => (string?)x!["workflow"] == "SEND graduated pathway");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/pupils/{notDrawn}/record")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/pupils/{pupilIds[elsewhere]}/record")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.PostAsJsonAsync($"/api/pupils/{drawnPupils[0]}/provisions",
            new { intervention = "Reading", entryCriteria = "a", exitCriteria = "b", startsOn = "2027-02-03", deliveredBy = "TA" })).StatusCode);
        Assert.DoesNotContain((await visitor.GetFromJsonAsync<JsonArray>("/api/tasks?status=open&take=500"))!,
            t => (string?)t!["schoolId"] == "oakfield");
        Assert.Equal(drawnPupils.Order(), Sample((await visitor.GetFromJsonAsync<JsonArray>("/api/sen-audits"))![0]!.AsObject())
            .Select(s => s.Pupil).Order());
        var reads = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/audit?userId={w.VisitorId}&take=500"))!;
        Assert.All(drawnPupils, pupil => Assert.Contains(reads, r => (string?)r!["pupilId"] == pupil && (string?)r["action"] == "read"
            && (string?)r["resource"] == "pupil-record" && (int)r["status"]! == 200));
        Assert.Contains(reads, r => (string?)r!["pupilId"] == notDrawn && (string?)r["action"] == "denied" && (int)r["status"]! == 404);

        // At the end of the day: the verbal feedback and the team's notes; the written report falls due.
        var fed = await OkAsync(await la.PostAsJsonAsync($"/api/sen-audits/{id}/feedback", new
        {
            verbalFeedback = "Files are thorough; pupil voice is thin at SEN support.",
            provisionNotes = "The provision list covers each stage; speech and language is missing.",
            budgetNotes = "Most of the notional SEN budget funds TA time, tracked termly.",
        }));
        Assert.Equal(("feedback given", "report-due"), ((string?)fed["status"], (string?)fed["state"]));
        Assert.Equal(["Write the SEN audit report with suggested actions"], Tasks(fed));

        // The day after: the records are closed to the visitor again.
        await p.AdvanceToAsync("2027-02-04");
        visitor = await p.SignInAsync("vera");
        la = await p.SignInAsync("lena");
        foreach (var pupil in drawnPupils)
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/pupils/{pupil}/record")).StatusCode);

        // The written report: its actions go into the school's action plan, and the school responds.
        var reported = await OkAsync(await la.PostAsJsonAsync($"/api/sen-audits/{id}/report", new
        {
            findings = "SEN procedures are secure; pupil voice needs strengthening.",
            actions = new object[]
            {
                new { area = "Pupil voice", action = "Record pupil voice at every SEN support review", owner = "SENCo", dueOn = "2027-04-30" },
                new { area = "Provision", action = "Add speech and language to the provision list", owner = (string?)null, dueOn = (string?)null },
            },
        }));
        Assert.Equal(("reported", "reported", "2027-02-04"),
            ((string?)reported["status"], (string?)reported["state"], (string?)reported["reportedOn"]));
        Assert.Contains(reported["openTasks"]!.AsArray(), t => (string?)t!["role"] == "senco"
            && ((string)t["title"]!).StartsWith("Respond to the SEN audit report", StringComparison.Ordinal));
        var plan = (await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan?year=2026-27"))!["items"]!.AsArray()
            .Where(i => (string?)i!["source"] == "sen-audit").ToList();
        Assert.Equal(["Record pupil voice at every SEN support review", "Add speech and language to the provision list"],
            plan.Select(i => (string)i!["action"]!));
        Assert.Equal(("SEN audit (3 February 2027): Pupil voice", "SENCo", "2027-04-30"),
            ((string?)plan[0]!["area"], (string?)plan[0]!["owner"], (string?)plan[0]!["dueOn"]));

        // The report's PDF: the day, the team, the feedback, the notes, the actions; no pupil named.
        var pdf = await (await p.SignInAsync("olive")).GetAsync($"/api/sen-audits/{id}/report.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Pdf.Text(await pdf.Content.ReadAsByteArrayAsync());
        foreach (var words in new[]
        {
            "SEN audit report: 3 February 2027", "Oakfield Primary", "Lena Officer", "Vera Visitor", "pupil voice is thin at SEN support",
            "speech and language is missing", "funds TA time", "pupil voice needs strengthening",
            "Record pupil voice at every SEN support review", "30 April 2027", "SEN support with outside agencies",
        })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Test Pupil", text, StringComparison.Ordinal);

        // The autumn term: the follow-up visit is the officer's task, due by the end of the autumn term.
        await p.AdvanceToAsync("2027-09-02");
        la = await p.SignInAsync("lena");
        var autumn = await OkAsync(await la.GetAsync($"/api/sen-audits/{id}"));
        Assert.Equal(("follow-up due", "follow-up"), ((string?)autumn["status"], (string?)autumn["state"]));
        var visit = Assert.Single(autumn["openTasks"]!.AsArray());
        Assert.Equal(("Visit the school to follow up the outcomes of the SEN audit's action plan", "la-officer", "2027-12-17"),
            ((string?)visit!["title"], (string?)visit["role"], (string?)visit["dueOn"]));

        var summary = (await la.GetFromJsonAsync<JsonArray>($"{Audits}/summary"))!.Single(s => (string?)s!["schoolId"] == "oakfield")!;
        Assert.Equal(("2027-02-03", "2029-02-03", false),
            ((string?)summary["lastAuditOn"], (string?)summary["nextDueOn"], (bool)summary["overdue"]!));
    }

    [Fact]
    public async Task ASchool_WhoseLastAuditIsTwoYearsOld_IsScheduledByTheDailyRound()
    {
        await using var p = await Pathway.StartAsync("2025-09-08");
        var w = await WorldAsync(p);
        // Oakfield's audit is held on 8 October 2025; Elmwood has none (it joined the service on 8 September 2025).
        var audit = await OkAsync(await w.La.PostAsJsonAsync(Audits,
            new { schoolId = "oakfield", auditOn = "2025-10-08", officerId = w.LaId, visitingSencoId = w.VisitorId }), HttpStatusCode.Created);
        var id = (string)audit["id"]!;
        await p.PupilAtAsync("sen-support");
        await OkAsync(await w.La.PostAsync($"/api/sen-audits/{id}/draw", null));
        await p.AdvanceToAsync("2025-10-08");
        var la = await p.SignInAsync("lena");
        await OkAsync(await la.PostAsJsonAsync($"/api/sen-audits/{id}/feedback",
            new { verbalFeedback = "Sound.", provisionNotes = "Complete.", budgetNotes = "As planned." }));
        await OkAsync(await la.PostAsJsonAsync($"/api/sen-audits/{id}/report", new { findings = "Sound." }));
        // The follow-up visit in the autumn, done: the audit is over.
        await p.AdvanceToAsync("2026-10-07");
        la = await p.SignInAsync("lena");
        var visit = (await OkAsync(await la.GetAsync($"/api/sen-audits/{id}")))["openTasks"]!.AsArray()
            .Single(t => (string?)t!["role"] == "la-officer")!;
        await OkAsync(await la.PostAsJsonAsync($"/api/tasks/{visit["id"]}/complete", new { notes = "Actions under way." }));
        Assert.Equal("followed up", (string?)(await OkAsync(await la.GetAsync($"/api/sen-audits/{id}")))["status"]);

        await p.AdvanceToAsync("2027-09-07");
        la = await p.SignInAsync("lena");
        Assert.Single((await la.GetFromJsonAsync<JsonObject>(Audits))!["audits"]!.AsArray());

        // Two years after joining, Elmwood gets its first: a task for the officer to fix its day and team.
        await p.AdvanceToAsync("2027-09-08");
        la = await p.SignInAsync("lena");
        var elmwood = (await la.GetFromJsonAsync<JsonObject>(Audits))!["audits"]!.AsArray().Single(a => (string?)a!["schoolId"] == "elmwood")!;
        Assert.Equal(("to schedule", "automatic"), ((string?)elmwood["status"], (string?)elmwood["scheduledHow"]));
        var fix = Assert.Single(elmwood["openTasks"]!.AsArray());
        Assert.Equal("la-officer", (string?)fix!["role"]);
        // Due in four school weeks.
        Assert.InRange(DateOnly.Parse((string)fix["dueOn"]!, System.Globalization.CultureInfo.InvariantCulture),
            new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 8));
        Assert.StartsWith("Fix the day of the school's SEN audit", (string)fix["title"]!, StringComparison.Ordinal);

        // Two years after its audit day, Oakfield its next, and not a day before.
        await p.AdvanceToAsync("2027-10-07");
        la = await p.SignInAsync("lena");
        Assert.DoesNotContain((await la.GetFromJsonAsync<JsonObject>(Audits))!["audits"]!.AsArray(),
            a => (string?)a!["schoolId"] == "oakfield" && (string?)a["scheduledHow"] == "automatic");
        await p.AdvanceToAsync("2027-10-08");
        la = await p.SignInAsync("lena");
        var audits = (await la.GetFromJsonAsync<JsonObject>(Audits))!;
        var next = audits["audits"]!.AsArray().Single(a => (string?)a!["schoolId"] == "oakfield" && (string?)a["scheduledHow"] == "automatic")!;
        Assert.Equal("to schedule", (string?)next["status"]);
        var oak = audits["schools"]!.AsArray().Single(s => (string?)s!["schoolId"] == "oakfield")!;
        Assert.Equal(("2025-10-08", "2027-10-08"), ((string?)oak["lastAuditOn"], (string?)oak["nextDueOn"]));
        // Its officer fixes the day and team: the audit is scheduled, the fix task done.
        var fixedUp = await OkAsync(await la.PutAsJsonAsync($"/api/sen-audits/{next["id"]}/team",
            new { auditOn = "2027-11-10", officerId = w.LaId, visitingSencoId = w.VisitorId }));
        Assert.Equal(("scheduled", "2027-11-10"), ((string?)fixedUp["status"], (string?)fixedUp["auditOn"]));
        Assert.All(fixedUp["openTasks"]!.AsArray(), t => Assert.Equal("2027-11-10", (string?)t!["dueOn"]));
        // Moved a week later before the day: its tasks move with it.
        var moved = await OkAsync(await la.PutAsJsonAsync($"/api/sen-audits/{next["id"]}/team",
            new { auditOn = "2027-11-17", officerId = w.LaId, visitingSencoId = w.VisitorId }));
        Assert.Equal(2, moved["openTasks"]!.AsArray().Count);
        Assert.All(moved["openTasks"]!.AsArray(), t => Assert.Equal("2027-11-17", (string?)t!["dueOn"]));
    }

    [Fact]
    public async Task BadInput_ListsEveryProblem_AndChangesNothing()
    {
        await using var p = await Pathway.StartAsync("2027-01-11");
        var w = await WorldAsync(p);
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north-borough", name = "North Borough" })).EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "northfield", name = "Northfield", boroughId = "north-borough" }))
            .EnsureSuccessStatusCode();
        var northSenco = await p.StaffAsync("nora", "senco", "Nora North", "northfield");
        var northId = await IdAsync(northSenco);

        var empty = await Pathway.ProblemAsync(await w.La.PostAsJsonAsync(Audits, new { }), HttpStatusCode.BadRequest);
        Assert.Equal(["schoolId"], Errors(empty));
        // In the past, the audited school's own SENCo, a SENCo as the officer.
        var wrong = await Pathway.ProblemAsync(await w.La.PostAsJsonAsync(Audits,
            new { schoolId = "oakfield", auditOn = "2027-01-08", officerId = w.SencoId, visitingSencoId = w.SencoId }), HttpStatusCode.BadRequest);
        Assert.Equal(["auditOn", "officerId", "visitingSencoId"], Errors(wrong).Order(StringComparer.Ordinal));
        Assert.Contains("itself", (string)wrong["errors"]!.AsArray().Single(e => (string?)e!["field"] == "visitingSencoId")!["message"]!,
            StringComparison.Ordinal);
        // In the half-term holiday, another borough's SENCo, and another borough's school.
        var holiday = await Pathway.ProblemAsync(await w.La.PostAsJsonAsync(Audits,
            new { schoolId = "northfield", auditOn = "2027-02-16", officerId = w.LaId, visitingSencoId = northId }), HttpStatusCode.BadRequest);
        Assert.Equal(["schoolId"], Errors(holiday));
        var outside = await Pathway.ProblemAsync(await w.La.PostAsJsonAsync(Audits,
            new { schoolId = "oakfield", auditOn = "2027-02-16", officerId = w.LaId, visitingSencoId = northId }), HttpStatusCode.BadRequest);
        Assert.Equal(["auditOn", "visitingSencoId"], Errors(outside).Order(StringComparer.Ordinal));
        Assert.Contains("another borough", (string)outside["errors"]!.AsArray()[1]!["message"]!, StringComparison.Ordinal);
        Assert.Contains("not a school day", (string)outside["errors"]!.AsArray()[0]!["message"]!, StringComparison.Ordinal);
        Assert.Empty((await w.La.GetFromJsonAsync<JsonObject>(Audits))!["audits"]!.AsArray());

        // A school with nothing to draw is told so; with one pupil at SEN support, that one is drawn and the shortfall said.
        var audit = await OkAsync(await w.La.PostAsJsonAsync(Audits, new { schoolId = "oakfield" }), HttpStatusCode.Created);
        var id = (string)audit["id"]!;
        Assert.Equal(HttpStatusCode.Conflict, (await w.La.PostAsJsonAsync(Audits, new { schoolId = "oakfield" })).StatusCode);
        var nothing = await Pathway.ProblemAsync(await w.La.PostAsync($"/api/sen-audits/{id}/draw", null), HttpStatusCode.BadRequest);
        Assert.Contains("nothing to draw", (string)nothing["errors"]!.AsArray()[0]!["message"]!, StringComparison.Ordinal);
        var only = (string)(await p.InstanceAsync(await p.PupilAtAsync("sen-support")))["pupilId"]!;
        var drawn = await OkAsync(await w.La.PostAsync($"/api/sen-audits/{id}/draw", null));
        Assert.Equal([(only, "sen-support")], Sample(drawn));
        Assert.Equal(["The school has only one pupil at SEN support: 1 of 2 drawn.",
            "The school has no pupil at SEN support with outside agencies: 0 of 2 drawn."],
            drawn["sampleWarnings"]!.AsArray().Select(x => (string)x!));

        // Feedback needs its three parts and the day; a report needs its findings and sound actions.
        var blank = await Pathway.ProblemAsync(await w.La.PostAsJsonAsync($"/api/sen-audits/{id}/feedback", new { verbalFeedback = " " }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["budgetNotes", "provisionNotes", "verbalFeedback"], Errors(blank).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, (await w.La.PostAsJsonAsync($"/api/sen-audits/{id}/feedback",
            new { verbalFeedback = "a", provisionNotes = "b", budgetNotes = "c" })).StatusCode);
        var report = await Pathway.ProblemAsync(await w.La.PostAsJsonAsync($"/api/sen-audits/{id}/report", new
        {
            findings = "",
            actions = new object[] { new { area = " ", action = "Do it", dueOn = "2026-01-01" } },
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["actions[0].area", "actions[0].dueOn", "findings"], Errors(report).Order(StringComparer.Ordinal));
        var team = await Pathway.ProblemAsync(await w.La.PutAsJsonAsync($"/api/sen-audits/{id}/team",
            new { auditOn = "2027-01-16", officerId = "nobody", visitingSencoId = w.LaId }), HttpStatusCode.BadRequest);
        Assert.Equal(["auditOn", "officerId", "visitingSencoId"], Errors(team).Order(StringComparer.Ordinal));
        var after = await OkAsync(await w.La.GetAsync($"/api/sen-audits/{id}"));
        Assert.Equal(("to schedule", null), ((string?)after["status"], (string?)after["auditOn"]));
        Assert.DoesNotContain((await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan"))!["items"]!.AsArray(),
            i => (string?)i!["source"] == "sen-audit");
    }

    [Fact]
    public async Task Audits_AreSeenByTheBorough_TheSchoolsLeaders_AndTheTeam_AndRunByTheBoroughOnly()
    {
        await using var p = await Pathway.StartAsync("2027-01-11");
        var w = await WorldAsync(p);
        var audit = await OkAsync(await w.La.PostAsJsonAsync(Audits,
            new { schoolId = "oakfield", auditOn = "2027-02-03", officerId = w.LaId, visitingSencoId = w.VisitorId }), HttpStatusCode.Created);
        var id = (string)audit["id"]!;
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north-borough", name = "North Borough" })).EnsureSuccessStatusCode();
        var other = await p.Http.PostAsJsonAsync("/api/users", new
        {
            email = "otto@test.example", displayName = "Otto Other", role = "la-officer", boroughId = "north-borough",
            password = Pathway.StaffPassword,
        });
        other.EnsureSuccessStatusCode();
        var otto = await p.SignInAsync("otto");
        var teacher = await p.StaffAsync("tess", "class-teacher", "Tess Teacher", "oakfield", "3 Oak");
        var elmwoodHead = await p.StaffAsync("ed", "headteacher", "Ed Elmwood", "elmwood");

        Assert.Equal(HttpStatusCode.NotFound, (await otto.GetAsync(Audits)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otto.GetAsync($"/api/sen-audits/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otto.PostAsync($"/api/sen-audits/{id}/draw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Senco.GetAsync(Audits)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Visitor.PostAsync($"/api/sen-audits/{id}/draw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/sen-audits/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elmwoodHead.GetAsync($"/api/sen-audits/{id}")).StatusCode);
        Assert.Equal(id, (string?)(await w.Senco.GetFromJsonAsync<JsonArray>("/api/schools/oakfield/sen-audits"))![0]!["id"]);
        Assert.Equal(id, (string?)(await w.Visitor.GetFromJsonAsync<JsonObject>($"/api/sen-audits/{id}"))!["id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Visitor.GetAsync("/api/schools/oakfield/sen-audits")).StatusCode);
        // The borough's officers see the audit's workflow and its tasks as the school's staff do.
        var tasks = (await w.La.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={audit["instanceId"]}&status=open"))!;
        Assert.Equal(2, tasks.Count);
        Assert.Empty((await otto.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={audit["instanceId"]}&status=open"))!);
    }
}
