using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// Meetings with the parents of pupils on SEN support (SEND Code of Practice 6.65), through the API on a real host and SQLite
/// file: the pathway's termly meeting comes round each term of 2026-27 in the demo borough's calendar, the SENCo records it,
/// the parents' letter is a PDF with the child's first name only, and the SENCo's view lists first those not met this term.
/// </summary>
public sealed class ParentMeetingTests
{
    private const string Meeting = "Termly meeting with parents";

    private static Task<HttpClient> StaffAsync(Pathway p, string user, string displayName, string role) =>
        p.StaffAsync(user, role, displayName, classes: role == "class-teacher" ? "3 Oak" : null);

    private static Task<HttpClient> SignInAsync(Pathway p, string user) => p.SignInAsync(user);

    /// <summary>A pupil at SEN support, named as the school records them; returns the pupil's id.</summary>
    private static async Task<string> SenSupportPupilAsync(Pathway p, string name)
    {
        var instance = await p.PupilAtAsync("sen-support");
        var pupil = (string)(await p.InstanceAsync(instance))["pupilId"]!;
        (await p.Http.PutAsJsonAsync($"/api/pupils/{pupil}", new { name })).EnsureSuccessStatusCode();
        return pupil;
    }

    private static async Task<string> OpenMeetingAsync(HttpClient http, string pupil)
    {
        var open = (await http.GetFromJsonAsync<JsonArray>($"/api/tasks?pupilId={pupil}&status=open"))!;
        return (string)open.Single(t => (string?)t!["title"] == Meeting)!["id"]!;
    }

    /// <summary>The SENCo records this term's meeting with the pupil's parents; returns the task's id.</summary>
    private static async Task<string> MeetAsync(HttpClient senco, string pupil, string agreed)
    {
        var task = await OpenMeetingAsync(senco, pupil);
        var response = await senco.PostAsJsonAsync($"/api/tasks/{task}/complete", new
        {
            form = new Dictionary<string, string>
            {
                ["attendees"] = "Mrs Lewis (mother), Ms Jones (class teacher), Sam Patel (SENCo)",
                ["agreed"] = agreed,
                ["nextSteps"] = "Ms Jones sends the reading record home each Friday.",
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return task;
    }

    private static async Task<JsonObject> ViewAsync(HttpClient http, string year = "2026-27") =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/schools/oakfield/parent-meetings?year={year}"))!;

    private static JsonObject Row(JsonObject view, string pupil) =>
        view["pupils"]!.AsArray().Single(r => (string?)r!["pupilId"] == pupil)!.AsObject();

    [Fact]
    public async Task ParentsMetInAutumnAndSpring_NotYetInSummer_TheViewSaysSo_AndEachMeetingIsALetter()
    {
        // On SEN support since the summer term of 2025-26: the termly meeting comes round in each term of 2026-27.
        await using var p = await Pathway.StartAsync("2026-06-01");
        var senco = await StaffAsync(p, "senco", "Sam Patel", "senco");
        var amelia = await SenSupportPupilAsync(p, "Amelia Hughes");
        var noah = await SenSupportPupilAsync(p, "Noah Williams");
        var stage1 = (string)(await p.InstanceAsync((string)(await p.StartPupilAsync())["id"]!))["pupilId"]!;

        await p.AdvanceToAsync("2026-11-02");
        senco = await SignInAsync(p, "senco");
        var autumn = await MeetAsync(senco, amelia, "Amelia reads with an adult every day.");
        await MeetAsync(senco, noah, "Noah joins the social skills group.");
        var inAutumn = await ViewAsync(senco);
        Assert.Equal(("autumn", true, 1), ((string?)inAutumn["term"], (bool)Row(inAutumn, amelia)["metThisTerm"]!,
            (int)Row(inAutumn, amelia)["meetingsThisYear"]!));

        await p.AdvanceToAsync("2027-03-08");
        senco = await SignInAsync(p, "senco");
        var spring = await ViewAsync(senco);
        Assert.Equal("spring", (string?)spring["term"]);
        Assert.Equal(2, (int)spring["notMetThisTerm"]!);
        await MeetAsync(senco, amelia, "Amelia keeps her reading group.");
        await MeetAsync(senco, noah, "Noah stays in the social skills group.");

        await p.AdvanceToAsync("2027-06-14");
        senco = await SignInAsync(p, "senco");
        await MeetAsync(senco, noah, "Noah's targets are met; new ones are set.");
        var summer = await ViewAsync(senco);

        Assert.Equal(("2026-27", "summer", "2027-03-27", "2027-08-31"), ((string?)summer["academicYear"], (string?)summer["term"],
            (string?)summer["termFrom"], (string?)summer["termTo"]));
        // Pupils on SEN support only, those not met this term first.
        var pupils = summer["pupils"]!.AsArray().Select(r => (string)r!["pupilId"]!).ToList();
        Assert.Equal([amelia, noah], pupils);
        Assert.DoesNotContain(stage1, pupils);
        var first = Row(summer, amelia);
        Assert.Equal((false, 2), ((bool)first["metThisTerm"]!, (int)first["meetingsThisYear"]!));
        Assert.Equal(["2026-11-02 autumn", "2027-03-08 spring"],
            first["meetings"]!.AsArray().Select(m => $"{(string?)m!["on"]} {(string?)m["term"]}"));
        Assert.Equal((true, 3), ((bool)Row(summer, noah)["metThisTerm"]!, (int)Row(summer, noah)["meetingsThisYear"]!));
        Assert.Equal((1, 0), ((int)summer["notMetThisTerm"]!, (int)summer["notMetThisYear"]!));

        // The autumn meeting's letter: the school, the day, the child by first name, who came, what was agreed, the SENCo.
        var letter = await senco.GetAsync($"/api/tasks/{autumn}/letter.pdf");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        var text = Pdf.Text(await letter.Content.ReadAsByteArrayAsync());
        Assert.Contains("Oakfield Primary", text, StringComparison.Ordinal);
        Assert.Contains("Amelia", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hughes", text, StringComparison.Ordinal);
        Assert.Contains("2 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Mrs Lewis (mother)", text, StringComparison.Ordinal);
        Assert.Contains("Amelia reads with an adult every day.", text, StringComparison.Ordinal);
        Assert.Contains("Ms Jones sends the reading record home each Friday.", text, StringComparison.Ordinal);
        Assert.Contains("Sam Patel", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);

        // Each look at the view, and at the letter with its pupil, is in the audit log.
        await using var db = await p.Factory.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>().CreateDbContextAsync();
        Assert.Equal(3, await db.Audit.CountAsync(a => a.Resource == "parent-meetings" && a.UserName == "Sam Patel"));
        Assert.True(await db.Audit.AnyAsync(a => a.Resource == "task" && a.ResourceId == autumn && a.PupilId == amelia
            && a.Path == $"/api/tasks/{autumn}/letter.pdf"));
    }

    [Fact]
    public async Task ALetter_IsOnlyForAHeldMeetingWithParents_AndForWhoMaySeeThePupil()
    {
        await using var p = await Pathway.StartAsync("2026-06-01");
        await StaffAsync(p, "senco", "Sam Patel", "senco");
        await StaffAsync(p, "governor", "Gwen Ellis", "governor");
        var amelia = await SenSupportPupilAsync(p, "Amelia Hughes");
        await p.AdvanceToAsync("2026-11-02");
        var (senco, governor) = (await SignInAsync(p, "senco"), await SignInAsync(p, "governor"));
        var open = await OpenMeetingAsync(senco, amelia);
        var other = (string)(await senco.GetFromJsonAsync<JsonArray>($"/api/tasks?pupilId={amelia}&status=open"))!
            .First(t => (string?)t!["title"] != Meeting)!["id"]!;

        var notHeld = await Pathway.ProblemAsync(await senco.GetAsync($"/api/tasks/{open}/letter.pdf"), HttpStatusCode.Conflict);
        var notAMeeting = await Pathway.ProblemAsync(await senco.GetAsync($"/api/tasks/{other}/letter.pdf"), HttpStatusCode.Conflict);
        var held = await MeetAsync(senco, amelia, "Amelia reads with an adult every day.");
        var unseen = await governor.GetAsync($"/api/tasks/{held}/letter.pdf");
        var missing = await senco.GetAsync($"/api/tasks/{Guid.NewGuid()}/letter.pdf");

        Assert.Contains("has not been held yet", (string?)notHeld["detail"], StringComparison.Ordinal);
        Assert.Contains("is not a meeting with parents", (string?)notAMeeting["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await senco.GetAsync($"/api/tasks/{held}/letter.pdf")).StatusCode);
    }

    [Fact]
    public async Task TheParentMeetingForm_AsksWhoAttendedWhatWasAgreedAndTheNextSteps_AllRequired()
    {
        await using var p = await Pathway.StartAsync("2026-06-01");
        await StaffAsync(p, "senco", "Sam Patel", "senco");
        var amelia = await SenSupportPupilAsync(p, "Amelia Hughes");
        await p.AdvanceToAsync("2026-11-02");
        var senco = await SignInAsync(p, "senco");
        var task = await OpenMeetingAsync(senco, amelia);

        var fields = (await senco.GetFromJsonAsync<JsonArray>($"/api/tasks/{task}/form"))!;
        var refused = await Pathway.ProblemAsync(
            await senco.PostAsJsonAsync($"/api/tasks/{task}/complete", new { form = new Dictionary<string, string> { ["attendees"] = "Mrs Lewis" } }),
            HttpStatusCode.BadRequest);

        Assert.Equal(["attendees", "agreed", "nextSteps"], fields.Select(f => (string)f!["name"]!));
        Assert.All(fields, f => Assert.True((bool)f!["required"]!));
        Assert.Equal(["form.agreed", "form.nextSteps"], refused["errors"]!.AsArray().Select(e => (string)e!["field"]!));
    }

    [Fact]
    public async Task BadYears_AreRefusedWithEveryProblem_AndOnlySchoolLeadersSeeTheView()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var governor = await StaffAsync(p, "governor", "Gwen Ellis", "governor");
        var teacher = await StaffAsync(p, "teacher", "Olive Marsh", "class-teacher");

        var malformed = await Pathway.ProblemAsync(await p.Http.GetAsync("/api/schools/oakfield/parent-meetings?year=2026-2027"),
            HttpStatusCode.BadRequest);
        var future = await Pathway.ProblemAsync(await p.Http.GetAsync("/api/schools/oakfield/parent-meetings?year=2030-31"),
            HttpStatusCode.BadRequest);
        var uncovered = await Pathway.ProblemAsync(await p.Http.GetAsync("/api/schools/oakfield/parent-meetings?year=2024-25"),
            HttpStatusCode.BadRequest);
        var current = await ViewAsync(p.Http, "2026-27");

        Assert.Contains("a school year such as 2026-27", (string?)malformed["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(["2030-31 has not started yet (today is in 2026-27).",
            "The borough's term dates (Demo Borough term dates 2025-26 to 2027-28) do not cover 2030-31."],
            future["errors"]!.AsArray().Select(e => (string)e!["message"]!));
        Assert.Contains("do not cover 2024-25", (string?)uncovered["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("autumn", (string?)current["term"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync("/api/schools/oakfield/parent-meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/schools/oakfield/parent-meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Http.GetAsync("/api/schools/elsewhere/parent-meetings")).StatusCode);
    }
}
