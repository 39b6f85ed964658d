namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The borough's watch on annual reviews (seed 001, "Monitoring Statements") on the simulated clock: a report that has not
/// arrived the day after it was due is chased (the LA officer contacts the school, the SENCo's overdue report is escalated
/// to them) and the borough's view says late by how many days; a review on time shows held and received; the school's
/// notice of the meeting gives the LA officer a task to attend it for a looked-after pupil, a pupil in Year 5 or 9, or a
/// major change in provision; bad input refused with every problem; who may see the borough's view.
/// </summary>
public sealed class AnnualReviewMonitoringTests
{
    private const string Reviews = "/api/boroughs/demo-borough/annual-reviews";
    private const string ContactTheSchool = "Contact the school: the annual review report has not arrived";
    private const string Attend = "Attend the annual review meeting";

    [Fact]
    public async Task AReportNotArrivedTheDayAfterItWasDue_IsChased_AndTheBoroughSeesItLate_WhileOneOnTimeIsHeldAndReceived()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        await p.StaffAsync("senco", "senco");
        await OfficerAsync(p, "lee", "demo-borough");
        var late = await ReviewOfAsync(p, await p.PupilAtAsync("ehcp"));
        var onTime = await ReviewOfAsync(p, await p.PupilAtAsync("ehcp"));

        await p.AdvanceToAsync("2026-11-02");
        foreach (var review in new[] { late, onTime })
            await p.RaiseAsync(review, "review.meeting-held", new { heldOn = "2026-11-02" });
        Assert.Equal("2026-11-16", (string?)(await TaskAsync(p, late, "Send the review report"))!["dueOn"]);

        // The school sends one report in time, through its inbox.
        await p.AdvanceToAsync("2026-11-10");
        var senco = await p.SignInAsync("senco");
        var sent = await senco.PostAsJsonAsync($"/api/tasks/{(string)(await TaskAsync(p, onTime, "Send the review report"))!["id"]!}/complete",
            new { notes = "Report sent to the LA, the family and the advisers." });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        // 16 November passes without the other: on the 17th the LA officer is to contact the school, and the SENCo's
        // overdue report is escalated to them.
        await p.AdvanceToAsync("2026-11-16");
        Assert.Null(await TaskAsync(p, late, ContactTheSchool));
        await p.AdvanceToAsync("2026-11-18");
        var contact = (await TaskAsync(p, late, ContactTheSchool))!;
        Assert.Equal(("la-officer", "2026-11-20"), ((string?)contact["role"], (string?)contact["dueOn"]));
        var escalation = (await TaskAsync(p, late, "Overdue since 16 November 2026: Send the review report"))!;
        Assert.Equal("senco", (string?)escalation["role"]);
        Assert.Null(await TaskAsync(p, onTime, ContactTheSchool));
        Assert.Contains(await p.JournalAsync(onTime), j => ((string?)j!["detail"])!.Contains("handed out no", StringComparison.Ordinal));

        // The borough's view: late by 2 days, and the one on time held and received.
        var officer = await p.SignInAsync("lee");
        var lateOnes = (await officer.GetFromJsonAsync<JsonArray>($"{Reviews}?status=late"))!;
        var row = Assert.Single(lateOnes)!;
        Assert.Equal(late, (string?)row["instanceId"]);
        Assert.Equal(("held", true, 2), ((string?)row["status"], (bool)row["late"]!, (int)row["daysLate"]!));
        Assert.Equal(("2026-11-02", "2026-11-16"), ((string?)row["heldOn"], (string?)row["reportExpectedOn"]));
        Assert.Null(row["reportReceivedOn"]);
        Assert.Equal("the report was expected by 16 November 2026", (string?)row["lateBecause"]);
        Assert.Equal("Oakfield Primary", (string?)row["schoolName"]);
        var held = (await officer.GetFromJsonAsync<JsonArray>($"{Reviews}?status=held"))!;
        Assert.Equal(2, held.Count);
        var received = held.Single(r => (string?)r!["instanceId"] == onTime)!;
        Assert.Equal(("received", false, "2026-11-10"), ((string?)received["status"], (bool)received["late"]!,
            (string?)received["reportReceivedOn"]));
        Assert.Empty((await officer.GetFromJsonAsync<JsonArray>($"{Reviews}?status=due"))!);

        var summary = Assert.Single((await officer.GetFromJsonAsync<JsonArray>($"{Reviews}/summary"))!)!;
        Assert.Equal(("oakfield", 2, 0, 2, 1, 1, 1), ((string?)summary["schoolId"], (int)summary["plans"]!, (int)summary["due"]!,
            (int)summary["held"]!, (int)summary["reportsReceived"]!, (int)summary["late"]!, (int)summary["reportsLate"]!));
        var csv = await officer.GetStringAsync($"{Reviews}.csv?status=late");
        Assert.StartsWith("School,Pupil,Year group,Looked after,Status,Review due,Held on,Report expected,Report received,Late,Days late", csv,
            StringComparison.Ordinal);
        Assert.Contains("Oakfield Primary,Test Pupil,3,no,held,12/10/2027,02/11/2026,16/11/2026,,yes,2,", csv, StringComparison.Ordinal);

        // The LA officer rings the school; the report arrives the next day and the review is no longer late.
        var rang = await officer.PostAsJsonAsync($"/api/tasks/{(string)contact["id"]!}/complete", new { notes = "Rang the SENCo." });
        Assert.True(rang.IsSuccessStatusCode, await rang.Content.ReadAsStringAsync());
        await p.AdvanceToAsync("2026-11-19");
        senco = await p.SignInAsync("senco");
        (await senco.PostAsJsonAsync($"/api/tasks/{(string)(await TaskAsync(p, late, "Send the review report"))!["id"]!}/complete",
            new { notes = "Sorry: sent now." })).EnsureSuccessStatusCode();
        officer = await p.SignInAsync("lee");
        Assert.Empty((await officer.GetFromJsonAsync<JsonArray>($"{Reviews}?status=late"))!);
        var now = (await officer.GetFromJsonAsync<JsonArray>(Reviews))!.Single(r => (string?)r!["instanceId"] == late)!;
        Assert.Equal(("received", "2026-11-19"), ((string?)now["status"], (string?)now["reportReceivedOn"]));
    }

    [Fact]
    public async Task TheSchoolsNoticeOfTheMeeting_GivesTheLaOfficerATaskToAttend_ForYear5_ALookedAfterPupil_AndAMajorChange()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        // Plans issued in October 2026; their reviews are prepared in September 2027, when the Year 4 pupil is in Year 5.
        var year5 = await ReviewOfAsync(p, await p.PupilAtAsync("ehcp", yearGroup: 4));
        var cared = await p.PupilAtAsync("ehcp");
        var lookedAfter = await ReviewOfAsync(p, cared);
        var major = await ReviewOfAsync(p, await p.PupilAtAsync("ehcp"));
        var plain = await ReviewOfAsync(p, await p.PupilAtAsync("ehcp"));
        var senco = await p.StaffAsync("senco", "senco");
        var caredPupil = (string)(await p.InstanceAsync(cared))["pupilId"]!;
        var marked = await senco.PutAsJsonAsync($"/api/pupils/{caredPupil}", new { lookedAfter = true });
        Assert.True(marked.IsSuccessStatusCode, await marked.Content.ReadAsStringAsync());
        Assert.True((bool)(await marked.Content.ReadFromJsonAsync<JsonObject>())!["lookedAfter"]!);
        Assert.Contains((await p.Http.GetFromJsonAsync<JsonArray>($"/api/audit?pupilId={caredPupil}"))!,
            a => (string?)a!["action"] == "change" && (string?)a["resource"] == "pupil");
        Assert.True((bool)(await senco.GetFromJsonAsync<JsonObject>($"/api/pupils/{caredPupil}/record"))!["lookedAfter"]!);
        Assert.True((bool)(await p.InstanceAsync(lookedAfter))["facts"]!["lookedAfter"]!);
        Assert.False((bool)(await p.InstanceAsync(plain))["facts"]!["lookedAfter"]!);

        await p.AdvanceToAsync("2027-09-13");
        senco = await p.SignInAsync("senco");
        var notice = (await TaskAsync(p, major, "Send notice of the review meeting"))!;
        Assert.Equal(("senco", "2027-09-26"), ((string?)notice["role"], (string?)notice["dueOn"]));

        // A notice that doesn't say whether a major change may be asked for, or says it wrongly, is refused whole.
        var refused = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"/api/tasks/{(string)notice["id"]!}/complete",
            new { form = new Dictionary<string, string> { ["majorChange"] = "perhaps", ["venue"] = "Hall" } }), HttpStatusCode.BadRequest);
        var fields = refused["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();
        Assert.Contains("form.majorChange", fields);
        Assert.Contains("form.venue", fields);
        Assert.Equal("open", (string?)(await TaskAsync(p, major, "Send notice of the review meeting"))!["status"]);
        Assert.Null(await TaskAsync(p, major, Attend));

        foreach (var (review, change) in new[] { (year5, "no"), (lookedAfter, "no"), (major, "yes"), (plain, "no") })
        {
            var task = (string)(await TaskAsync(p, review, "Send notice of the review meeting"))!["id"]!;
            var done = await senco.PostAsJsonAsync($"/api/tasks/{task}/complete", new
            {
                form = new Dictionary<string, string> { ["majorChange"] = change, ["notes"] = "Meeting on 5 October in the library." },
            });
            Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        }

        foreach (var review in new[] { year5, lookedAfter, major })
        {
            var attend = await TaskAsync(p, review, Attend);
            Assert.NotNull(attend);
            Assert.Equal(("la-officer", "2027-10-12"), ((string?)attend!["role"], (string?)attend["dueOn"]));
        }
        Assert.Null(await TaskAsync(p, plain, Attend));

        var officer = await OfficerAsync(p, "lee", "demo-borough");
        var due = (await officer.GetFromJsonAsync<JsonArray>($"{Reviews}?status=due"))!;
        Assert.Equal(4, due.Count);
        string[] Reasons(string id) => due.Single(r => (string?)r!["instanceId"] == id)!["notifiedFor"]!.AsArray().Select(x => (string)x!).ToArray();
        Assert.Equal(["Year 5: approaching transfer"], Reasons(year5));
        Assert.Equal(["looked after"], Reasons(lookedAfter));
        Assert.Equal(["a major change in provision may be asked for"], Reasons(major));
        Assert.Empty(Reasons(plain));
        Assert.All(due, r => Assert.Equal("2027-09-13", (string?)r!["notifiedOn"]));
        Assert.Equal([true, true, true, false],
            new[] { year5, lookedAfter, major, plain }.Select(id => (bool)due.Single(r => (string?)r!["instanceId"] == id)!["laAttends"]!));
        Assert.All(due, r => Assert.Equal(("2027-10-12", false), ((string?)r!["reviewDueOn"], (bool)r["late"]!)));
    }

    [Fact]
    public async Task ABadStatusAndAnotherBoroughsSchool_AreRefusedTogether()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "northgate", name = "Northgate", boroughId = "north" })).EnsureSuccessStatusCode();
        var officer = await OfficerAsync(p, "lee", "demo-borough");

        foreach (var path in new[] { Reviews, $"{Reviews}.csv" })
        {
            var problem = await Pathway.ProblemAsync(await officer.GetAsync($"{path}?status=overdue&schoolId=northgate"), HttpStatusCode.BadRequest);
            var errors = problem["errors"]!.AsArray().Select(e => ((string?)e!["field"], (string?)e["message"])).ToList();
            Assert.Equal(2, errors.Count);
            Assert.Contains(("status", "'status' must be one of late, due, held, all, not 'overdue'."), errors);
            Assert.Contains(("schoolId", "There is no school 'northgate' in this borough."), errors);
        }
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"{Reviews}?status=all&schoolId=oakfield")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheBoroughsLaOfficer_AndAnAdministrator_SeeItsAnnualReviews()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        await p.PupilAtAsync("ehcp");
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        var own = await OfficerAsync(p, "lee", "demo-borough");
        var other = await OfficerAsync(p, "nell", "north");
        var senco = await p.StaffAsync("senco", "senco");
        var head = await p.StaffAsync("head", "headteacher");

        Assert.Single((await own.GetFromJsonAsync<JsonArray>(Reviews))!);
        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>(Reviews))!);
        foreach (var path in new[] { Reviews, $"{Reviews}.csv", $"{Reviews}/summary" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await senco.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        }
        Assert.Empty((await other.GetFromJsonAsync<JsonArray>("/api/boroughs/north/annual-reviews"))!);
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?take=500"))!;
        Assert.Contains(audit, a => (string?)a!["action"] == "read" && (string?)a["resource"] == "annual-reviews"
            && (string?)a["resourceId"] == "demo-borough");
        Assert.Contains(audit, a => (string?)a!["action"] == "denied" && (string?)a["resourceId"] == "demo-borough" && (int?)a["status"] == 404);
    }

    [Fact]
    public async Task TheMisInCareColumn_MarksAPupilLookedAfter_AndACellThatIsNotYesOrNo_IsAReasonOfItsRow()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        const string csv = "UPN,Legal Surname,Legal Forename,DOB,Year,In Care\r\n"
            + "A123456789012,Able,Amy,01/05/2018,3,Yes\r\nB123456789012,Brown,Ben,02/05/2018,3,N\r\nC123456789012,Cole,Cat,03/05/2018,3,maybe\r\n";
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        var previewed = await p.Http.PostAsync("/api/schools/oakfield/imports", content);
        Assert.Equal(HttpStatusCode.Created, previewed.StatusCode);
        var preview = (await previewed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, preview["added"]!.AsArray().Count);
        var bad = Assert.Single(preview["badRows"]!.AsArray())!;
        Assert.Equal(["'In Care' \"maybe\" is not yes or no."], bad["reasons"]!.AsArray().Select(r => (string)r!));

        var applied = await p.Http.PostAsync($"/api/schools/oakfield/imports/{(string)preview["id"]!}/apply", null);
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
        var added = (await applied.Content.ReadFromJsonAsync<JsonObject>())!["added"]!.AsArray();
        var looked = new List<bool>();
        foreach (var a in added)
            looked.Add((bool)(await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{(string)a!["pupilId"]!}"))!["lookedAfter"]!);
        Assert.Equal([true, false], looked);
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

    private static async Task<string> ReviewOfAsync(Pathway p, string pathway) =>
        (string)(await p.ChildAsync(pathway, "ehcp-annual-review"))["id"]!;

    /// <summary>The instance's task whose title starts so (open, or the latest of any status), or none.</summary>
    private static async Task<JsonNode?> TaskAsync(Pathway p, string instance, string title) =>
        (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instance}"))!
            .LastOrDefault(t => ((string?)t!["title"])!.StartsWith(title, StringComparison.Ordinal));
}
