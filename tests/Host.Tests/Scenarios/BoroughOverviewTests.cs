namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The LA officer's landing page as JSON (issue 14, point 5): the borough's two schools with their phase, self-review
/// level and change, SEN audit due, annual reviews late and due, allocation against spending, and the headline figures;
/// another borough's officer is answered as if it did not exist.
/// </summary>
public sealed class BoroughOverviewTests
{
    private const string Overview = "/api/boroughs/demo-borough/overview";

    [Fact]
    public async Task TheOverview_ShowsEachSchoolsLevels_LateReviews_Audits_AndFunding_WithTheBoroughsHeadlines()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "brookside", name = "Brookside Academy", boroughId = "demo-borough",
            phase = "secondary" })).EnsureSuccessStatusCode();
        var oakSenco = await p.StaffAsync("oak-senco", "senco");
        var la = await OfficerAsync(p, "lee", "demo-borough");

        // Oakfield: an EHC plan whose review meeting is held on 2 November and whose report never comes (late from the 17th),
        // and another plan whose meeting is not yet due.
        var late = (string)(await p.ChildAsync(await p.PupilAtAsync("ehcp"), "ehcp-annual-review"))["id"]!;
        await p.PupilAtAsync("ehcp");
        // Its self-review this year: every descriptor at 3, assessment at 2.
        (await la.PostAsJsonAsync("/api/boroughs/demo-borough/programmes", new { definitionId = "self-review", academicYear = "2026-27" }))
            .EnsureSuccessStatusCode();
        var review = (await oakSenco.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/self-review/2026-27"))!;
        var levels = review["dimensions"]!.AsArray().SelectMany(d => d!["descriptors"]!.AsArray().Select(x => (object)new
        {
            descriptorId = (string)x!["id"]!, level = (string)d["id"]! == "assessment" ? 2 : 3, evidence = "Seen in lessons",
        })).ToArray();
        var saved = await oakSenco.PutAsJsonAsync("/api/schools/oakfield/self-review/2026-27", new
        {
            levels, discussion = new List<string> { "assessment" }, figures = review["registerFigures"]!.DeepClone(), complete = true,
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var allocated = await la.PutAsJsonAsync("/api/boroughs/demo-borough/funding/2026-27/schools/oakfield/allocation", new
        {
            notionalSenBudget = 60_000m, topUp = new[] { new { description = "Band 2", plans = 2, rate = 6_000m } },
        });
        Assert.True(allocated.IsSuccessStatusCode, await allocated.Content.ReadAsStringAsync());
        await p.AdvanceToAsync("2026-11-02");
        await p.RaiseAsync(late, "review.meeting-held", new { heldOn = "2026-11-02" });
        await p.AdvanceToAsync("2026-11-18");

        la = await p.SignInAsync("lee");
        var overview = (await la.GetFromJsonAsync<JsonObject>(Overview))!;
        Assert.Equal(("Demo Borough", "2026-27", "2026-27", "2026-11-18"), ((string?)overview["boroughName"], (string?)overview["academicYear"],
            (string?)overview["financialYear"], (string?)overview["today"]));
        var schools = overview["schools"]!.AsArray().ToDictionary(s => (string)s!["schoolId"]!, s => s!.AsObject());
        Assert.Equal(["brookside", "oakfield"], schools.Keys.Order(StringComparer.Ordinal));
        var oak = schools["oakfield"];
        var brook = schools["brookside"];
        Assert.Equal("secondary", (string?)brook["phase"]);
        // The overall level is the mean of the ten dimensions' levels: nine at 3, one at 2.
        Assert.Equal(2.9, (double?)oak["selfReviewLevel"]);
        Assert.Null(oak["selfReviewChange"]);
        Assert.Null(brook["selfReviewLevel"]);
        var assessment = oak["levels"]!.AsArray().Single(l => (string?)l!["dimensionId"] == "assessment")!;
        Assert.Equal(2.0, (double?)assessment["thisYear"]);
        Assert.Equal((2, 1, 1), ((int)oak["plans"]!, (int)oak["annualReviewsDue"]!, (int)oak["annualReviewsLate"]!));
        Assert.Equal((0, 0, 0), ((int)brook["plans"]!, (int)brook["annualReviewsDue"]!, (int)brook["annualReviewsLate"]!));
        Assert.Equal((72_000m, "allocated"), ((decimal)oak["allocation"]!, (string?)oak["fundingStatus"]));
        Assert.Null(oak["spent"]);
        Assert.Equal("no allocation", (string?)brook["fundingStatus"]);
        // Neither school has had an SEN audit: the next is due two years after it joined the service.
        Assert.Null(oak["lastAuditOn"]);
        Assert.Equal(("2028-10-12", false), ((string?)oak["nextAuditDueOn"], (bool)oak["auditOverdue"]!));

        var headlines = overview["headlines"]!.AsObject();
        Assert.Equal((2, 1, 1, 0, 72_000m), ((int)headlines["schools"]!, (int)headlines["annualReviewsLate"]!,
            (int)headlines["annualReviewsDue"]!, (int)headlines["auditsOverdue"]!, (decimal)headlines["allocation"]!));
        var open = (await la.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!;
        Assert.Equal(open.Count, (int)headlines["openAssessments"]!);
        Assert.Equal(10, overview["dimensions"]!.AsArray().Count);

        // The look is audited.
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=read&take=5000"))!;
        Assert.Contains(audit, a => (string?)a!["resource"] == "borough-overview" && (string?)a["resourceId"] == "demo-borough");
    }

    [Fact]
    public async Task AnotherBoroughsOfficer_GetsNotFound_AndAnUnknownBoroughIsNotFound()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        var north = await OfficerAsync(p, "nora", "north");
        await Pathway.ProblemAsync(await north.GetAsync(Overview), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/boroughs/nowhere/overview"), HttpStatusCode.NotFound);
        var senco = await p.StaffAsync("senco", "senco");
        await Pathway.ProblemAsync(await senco.GetAsync(Overview), HttpStatusCode.Forbidden);
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
