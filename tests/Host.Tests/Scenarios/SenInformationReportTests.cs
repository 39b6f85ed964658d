namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The school's SEN information report (SEND Code of Practice 6.79-6.83) through the API: the Code's sections in order,
/// the register's figures by need and stage, the year's provision and the CPD audit's training needs filled in; the
/// SENCo's text kept from one year to the next; an HTML page that escapes what it is given; a PDF with the headings,
/// figures and the school's name and no pupil's name; and a bad request refused with every problem listed.
/// </summary>
public sealed class SenInformationReportTests
{
    private const string Report = "/api/schools/oakfield/reports/sen-information";
    private static readonly string[] Names = ["Quartermain", "Oyelaran", "Fenwright", "Ashcombe", "Strathmore", "Penhallow", "Test Pupil"];

    /// <summary>A pupil moved to the pathway's state, with a primary need and a name that must never appear in the report.</summary>
    private static async Task<string> PupilAsync(Pathway p, string state, string? need, string name)
    {
        var pupil = (string)(await p.InstanceAsync(await p.PupilAtAsync(state)))["pupilId"]!;
        (await p.Http.PutAsJsonAsync($"/api/pupils/{pupil}", new { name, primaryNeed = need })).EnsureSuccessStatusCode();
        return pupil;
    }

    private static async Task ProvisionAsync(Pathway p, string pupil, string intervention, string startsOn, string? endsOn = null)
    {
        var response = await p.Http.PostAsJsonAsync($"/api/pupils/{pupil}/provisions", new
        {
            intervention, entryCriteria = "Below expected", exitCriteria = "At expected", startsOn, endsOn, deliveredBy = "TA",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task SaveTextAsync(Pathway p, string section, string text, string year)
    {
        var response = await p.Http.PutAsJsonAsync($"{Report}/sections/{section}?year={year}", new { text });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Section(JsonObject report, string id) =>
        report["sections"]!.AsArray().Single(s => (string?)s!["id"] == id)!.AsObject();

    /// <summary>Six pupils at known stages and needs, three interventions (one over before the year) and a CPD priority.</summary>
    private static async Task<Pathway> SchoolWithPupilsAsync()
    {
        var p = await Pathway.StartAsync("2026-09-07");
        var ada = await PupilAsync(p, "sen-support", "SLCN", "Ada Quartermain");
        var ben = await PupilAsync(p, "sen-support", "SLCN", "Ben Oyelaran");
        var cal = await PupilAsync(p, "ehcp", "ASD", "Cal Fenwright");
        await PupilAsync(p, "sen-support-agencies", null, "Dot Ashcombe");
        await PupilAsync(p, "cause-of-concern", "SEMH", "Eli Strathmore");
        await PupilAsync(p, "initial-concern", "MLD", "Fay Penhallow");
        await ProvisionAsync(p, ada, "Reading group", "2026-09-07");
        await ProvisionAsync(p, ben, "Reading group", "2026-09-14", "2026-12-18");
        await ProvisionAsync(p, cal, "Social skills group", "2026-09-07");
        await ProvisionAsync(p, cal, "Summer phonics", "2026-01-05", "2026-07-17");
        var audit = await p.Http.PutAsJsonAsync("/api/schools/oakfield/cpd-audit?year=2026-27", new
        {
            ratings = new[] { new { statementId = "ta-1", rating = "developing", comment = "TAs need SEND training." } },
            priorities = new[] { new { statementId = "ta-1", action = "SEND training for every TA" } },
        });
        Assert.True(audit.IsSuccessStatusCode, await audit.Content.ReadAsStringAsync());
        return p;
    }

    [Fact]
    public async Task TheDraft_HasTheCodesSectionsInOrder_AndTheSchoolsFigures()
    {
        await using var p = await SchoolWithPupilsAsync();

        var report = (await p.Http.GetFromJsonAsync<JsonObject>($"{Report}?year=2026-27"))!;

        Assert.Equal(("Oakfield Primary", "2026-27", "2026-09-07"),
            ((string?)report["schoolName"], (string?)report["academicYear"], (string?)report["asAt"]));
        Assert.Equal(["kinds-of-sen", "identifying-and-assessing", "consulting-parents", "consulting-pupils", "assessing-progress", "transitions",
            "teaching-approach", "adaptations", "staff-expertise", "evaluating-provision", "activities", "emotional-social", "other-bodies",
            "complaints", "senco-contact", "local-offer"], report["sections"]!.AsArray().Select(s => (string)s!["id"]!));
        var figures = report["figures"]!.AsObject();
        // On the register: two at SEN support, one with outside agencies, one with a plan; those at stages 1 and 2 are monitored.
        Assert.Equal((4, 2), ((int)figures["onRegister"]!, (int)figures["monitored"]!));
        Assert.Equal(["SLCN 2", "ASD 1", " 1"],
            figures["byNeed"]!.AsArray().Select(n => $"{(string?)n!["code"]} {(int)n["pupils"]!}"));
        Assert.Equal(["1-2 2", "3-4 3", "5 0", "6 1"],
            figures["byStage"]!.AsArray().Select(s => $"{(string?)s!["stages"]} {(int)s["pupils"]!}"));
        // The phonics group ended before the year began.
        Assert.Equal(["Reading group 2", "Social skills group 1"],
            figures["provision"]!.AsArray().Select(x => $"{(string?)x!["provision"]} {(int)x["pupils"]!}"));
        Assert.Equal(["Teaching assistants"], figures["trainingNeeds"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(0, (int)figures["parentMeetings"]!);
        // The figures sit in their sections; a text section has none and nothing written yet.
        var kinds = Section(report, "kinds-of-sen")["figures"]![0]!;
        Assert.Equal(["Speech, language and communication needs (SLCN)", "2"], kinds["rows"]![0]!.AsArray().Select(c => (string)c!));
        Assert.Empty(Section(report, "complaints")["figures"]!.AsArray());
        Assert.Null(Section(report, "complaints")["text"]);
        Assert.DoesNotContain("Quartermain", report.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSencosText_SavedIn2026_27_ShowsAgainIn2027_28_UntilChanged()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        await SaveTextAsync(p, "consulting-pupils", "Every pupil on the register has a one-page profile written with them.", "2026-27");

        await p.AdvanceToAsync("2027-09-02");
        var next = (await p.Http.GetFromJsonAsync<JsonObject>($"{Report}?year=2027-28"))!;
        var carried = Section(next, "consulting-pupils");
        Assert.Equal(("Every pupil on the register has a one-page profile written with them.", "2026-27"),
            ((string?)carried["text"], (string?)carried["textYear"]));

        await SaveTextAsync(p, "consulting-pupils", "Pupils lead their own review meetings from Year 5.", "2027-28");
        var changed = Section((await p.Http.GetFromJsonAsync<JsonObject>($"{Report}?year=2027-28"))!, "consulting-pupils");
        Assert.Equal(("Pupils lead their own review meetings from Year 5.", "2027-28"), ((string?)changed["text"], (string?)changed["textYear"]));
        var before = Section((await p.Http.GetFromJsonAsync<JsonObject>($"{Report}?year=2026-27"))!, "consulting-pupils");
        Assert.Equal("Every pupil on the register has a one-page profile written with them.", (string?)before["text"]);
    }

    [Fact]
    public async Task TheHtmlPage_EscapesWhatItIsGiven()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        await SaveTextAsync(p, "complaints", "Talk to us first <script>alert('x')</script> & then the governors.", "2026-27");

        var page = await p.Http.GetAsync($"{Report}.html?year=2026-27");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Talk to us first &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; then the governors.", html,
            StringComparison.Ordinal);
        Assert.Contains("<h2>14. Complaints about SEN provision</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePdf_HasTheHeadingsFiguresAndSchool_AndNoPupilsName()
    {
        await using var p = await SchoolWithPupilsAsync();
        await SaveTextAsync(p, "senco-contact", "Our SENCo is Sam Patel: senco@oakfield.example", "2026-27");

        var response = await p.Http.GetAsync($"{Report}.pdf?year=2026-27");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Pdf.Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Oakfield Primary", text, StringComparison.Ordinal);
        Assert.Contains("SEN information report 2026-27", text, StringComparison.Ordinal);
        Assert.Contains("7 September 2026", text, StringComparison.Ordinal);
        Assert.Contains("1. The kinds of special educational needs we provide for", text, StringComparison.Ordinal);
        Assert.Contains("9. The expertise and training of our staff", text, StringComparison.Ordinal);
        Assert.Contains("16. The local authority's local offer", text, StringComparison.Ordinal);
        Assert.Contains("(4 in all)", text, StringComparison.Ordinal);
        Assert.Contains("Reading group 2", text, StringComparison.Ordinal);
        Assert.Contains("Social skills group 1", text, StringComparison.Ordinal);
        Assert.Contains("Teaching assistants", text, StringComparison.Ordinal);
        Assert.Contains("Our SENCo is Sam Patel: senco@oakfield.example", text, StringComparison.Ordinal);
        Assert.All(Names, name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadInput_IsRefusedWithEveryProblemListed_AndNothingSaved()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");

        var put = await p.Http.PutAsJsonAsync($"{Report}/sections/no-such-section?year=2026-2027", new { text = new string('x', 8001) });
        var problem = await Pathway.ProblemAsync(put, HttpStatusCode.BadRequest);
        Assert.Equal(["year", "sectionId", "text"], problem["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        var messages = string.Join(" | ", problem["errors"]!.AsArray().Select(e => (string?)e!["message"]));
        Assert.Contains("'2026-2027' is not a school year", messages, StringComparison.Ordinal);
        Assert.Contains("'no-such-section' is not a section", messages, StringComparison.Ordinal);
        Assert.Contains("at most 8000 characters", messages, StringComparison.Ordinal);

        // A year the borough's term dates don't reach, and a good section with no text.
        var uncovered = await Pathway.ProblemAsync(
            await p.Http.PutAsJsonAsync($"{Report}/sections/complaints?year=2031-32", new { text = (string?)null }), HttpStatusCode.BadRequest);
        Assert.Equal(["year", "text"], uncovered["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        Assert.Contains("do not cover 2031-32", (string?)uncovered["errors"]![0]!["message"], StringComparison.Ordinal);

        foreach (var path in new[] { "", ".html", ".pdf" })
        {
            await Pathway.ProblemAsync(await p.Http.GetAsync($"{Report}{path}?year=26-27"), HttpStatusCode.BadRequest);
            await Pathway.ProblemAsync(await p.Http.GetAsync($"{Report}{path}?year=2031-32"), HttpStatusCode.BadRequest);
        }
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/schools/nowhere/reports/sen-information?year=2026-27"), HttpStatusCode.NotFound);
        var report = (await p.Http.GetFromJsonAsync<JsonObject>($"{Report}?year=2026-27"))!;
        Assert.All(report["sections"]!.AsArray(), s => Assert.Null(s!["text"]));
    }
}
