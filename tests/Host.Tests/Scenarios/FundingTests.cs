using System.Text.Json;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// SEN funding in two stages (issue 14, seed 001 "Financial Monitoring") through the API on the simulated clock: the
/// borough records each school's allocation in April, the school sends its budget plan, its costed provision map fills the
/// outturn it sends the next March, and the borough's report sets allocation against spending per school on screen, in
/// the CSV and in the PDF. Bad input is refused with every problem listed and nothing changed; each role sees what it may.
/// </summary>
public sealed class FundingTests
{
    private const string Year = "2026-27";
    private const string Borough = "/api/boroughs/demo-borough/funding/2026-27";
    private const string Oakfield = "/api/schools/oakfield/funding/2026-27";

    /// <summary>The demo borough's LA officer, a second school of the borough, and another borough with a school of its own.</summary>
    private static async Task<HttpClient> BoroughAsync(Pathway p)
    {
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "elm", name = "Elm Academy", boroughId = "demo-borough" }))
            .EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/schools", new { id = "birch", name = "Birch School", boroughId = "north" })).EnsureSuccessStatusCode();
        await UserAsync(p, "la", "la-officer", boroughId: "demo-borough");
        await UserAsync(p, "la-north", "la-officer", boroughId: "north");
        return await p.SignInAsync("la");
    }

    private static async Task UserAsync(Pathway p, string user, string role, string? schoolId = null, string? boroughId = null)
    {
        var created = await p.Http.PostAsJsonAsync("/api/users", new
        {
            email = $"{user}@test.example", displayName = $"The {user}", role, schoolId, boroughId, password = Pathway.StaffPassword,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    private static object OakfieldAllocation => new
    {
        notionalSenBudget = 84000.00m,
        topUp = new object[]
        {
            new { description = "Band 2", plans = 3, rate = 6000.00m },
            new { description = "Band 3", plans = 1, rate = 9500.50m },
        },
        note = "Initial allocation, fair funding formula",
    };

    private static object Plan => new
    {
        lines = new object[]
        {
            new { heading = "staff", description = "Teaching assistants", amount = 60000.00m },
            new { heading = "interventions", description = "Reading and speech programmes", amount = 30000.00m },
            new { heading = "resources", description = "Assistive technology", amount = 12000.50m },
            new { heading = "training", description = "TA training", amount = 4000.00m },
            new { heading = "other", description = "Transport to provision", amount = 1500.00m },
        },
    };

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<string> ProvisionAsync(HttpClient senco, string pupil, string intervention, string startsOn, string? endsOn,
        object cost)
    {
        var body = new JsonObject
        {
            ["intervention"] = intervention, ["entryCriteria"] = "Assessed need", ["exitCriteria"] = "Need met", ["startsOn"] = startsOn,
            ["endsOn"] = endsOn, ["deliveredBy"] = "TA",
        };
        foreach (var (key, value) in JsonSerializer.SerializeToNode(cost)!.AsObject()) body[key] = value?.DeepClone();
        var response = await senco.PostAsJsonAsync($"/api/pupils/{pupil}/provisions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static decimal Money(JsonNode? node) => (decimal)node!;

    [Fact]
    public async Task AFundingYear_FromTheAllocationInApril_ThroughThePlan_ToTheOutturnFromTheCostedProvisionMapInMarch()
    {
        await using var p = await Pathway.StartAsync("2026-04-01");
        var la = await BoroughAsync(p);
        var senco = await p.StaffAsync("senco", "senco", "Sam Senco");

        // April: the borough records each school's initial allocation: the notional SEN budget and top-up per EHC plan.
        var allocation = await OkAsync(await la.PutAsJsonAsync($"{Borough}/schools/oakfield/allocation", OakfieldAllocation));
        Assert.Equal((84000.00m, 27500.50m, 111500.50m, 4), (Money(allocation["notionalSenBudget"]), Money(allocation["topUpTotal"]),
            Money(allocation["total"]), (int)allocation["plans"]!));
        Assert.Equal([18000.00m, 9500.50m], allocation["topUp"]!.AsArray().Select(t => Money(t!["amount"])));
        Assert.Equal("The la", (string?)allocation["recordedBy"]);
        await OkAsync(await la.PutAsJsonAsync($"{Borough}/schools/elm/allocation", new { notionalSenBudget = 52000m }));
        var early = await OkAsync(await la.GetAsync(Borough));
        Assert.Equal(["allocated", "allocated"], early["schools"]!.AsArray().Select(s => (string)s!["status"]!));
        Assert.Equal(163500.50m, Money(early["totals"]!["allocation"]));

        // The school sends its budget plan against it.
        var plan = await OkAsync(await senco.PutAsJsonAsync($"{Oakfield}/plan", Plan));
        Assert.Equal(107500.50m, Money(plan["total"]));
        Assert.Equal([60000.00m, 30000.00m, 12000.50m, 4000.00m, 1500.00m], plan["byHeading"]!.AsArray().Select(h => Money(h!["amount"])));

        // The provision map, costed: a reading group in the summer term (1.5 hours a week at £12.55, staff time), another pupil's
        // from September to the year's end, a fixed-cost programme this year and one that started last year, one without a cost.
        var ann = await p.NewPupilAsync();
        var ben = await p.NewPupilAsync();
        var cal = await p.NewPupilAsync();
        await ProvisionAsync(senco, ann, "Reading group", "2026-04-13", "2026-07-22",
            new { costBasis = "hourly", hoursPerWeek = 1.5m, hourlyRate = 12.55m });
        await ProvisionAsync(senco, ann, "Speech and language programme", "2026-03-02", null, new { costBasis = "fixed", fixedCost = 450m });
        await ProvisionAsync(senco, cal, "Lego therapy", "2026-04-13", null, new { });
        await p.AdvanceToAsync("2026-09-02");
        senco = await p.SignInAsync("senco");
        var readingBen = await ProvisionAsync(senco, ben, "reading group ", "2026-09-02", null,
            new { costBasis = "hourly", hoursPerWeek = 1.5m, hourlyRate = 12.55m });
        await ProvisionAsync(senco, ben, "Speech and language programme", "2026-09-02", null, new { costBasis = "fixed", fixedCost = 450.00m });
        var record = (await senco.GetFromJsonAsync<JsonObject>($"/api/pupils/{ben}/record"))!;
        var costed = record["provisions"]!.AsArray().Single(x => (string?)x!["id"] == readingBen)!;
        Assert.Equal(("hourly", 1.5m, 12.55m), ((string?)costed["costBasis"], (decimal)costed["hoursPerWeek"]!, (decimal)costed["hourlyRate"]!));

        // February: the outturn can't be sent before the year's last month.
        await p.AdvanceToAsync("2027-02-15");
        senco = await p.SignInAsync("senco");
        await Pathway.ProblemAsync(await senco.PutAsJsonAsync($"{Oakfield}/outturn", Plan), HttpStatusCode.Conflict);

        // March: the provision map fills the outturn. Ann's group ran 67 school days of the summer term (13.4 weeks: the May bank
        // holiday and half term don't count): 1.5 x £12.55 x 13.4 = £252.255, £252.26 (a half penny rounds up); Ben's ran 127 days
        // from 2 September to the end of the spring term (25.4 weeks): £478.155, £478.16. Ben's programme is £450.00; Ann's started
        // last year and Cal's has no cost.
        await p.AdvanceToAsync("2027-03-01");
        senco = await p.SignInAsync("senco");
        var draft = (await senco.GetFromJsonAsync<JsonObject>($"{Oakfield}/outturn/draft"))!;
        var lines = draft["lines"]!.AsArray();
        Assert.Equal(["staff", "interventions"], lines.Select(l => (string)l!["heading"]!));
        Assert.Equal(("Reading group: staff time, 2 pupils", 730.42m, 38.8m),
            ((string?)lines[0]!["description"], Money(lines[0]!["amount"]), (decimal)lines[0]!["schoolWeeks"]!));
        Assert.Equal(("Speech and language programme: 1 pupil", 450.00m), ((string?)lines[1]!["description"], Money(lines[1]!["amount"])));
        Assert.Equal((1180.42m, 3, 1), (Money(draft["total"]), (int)draft["provisionsCosted"]!, (int)draft["provisionsNotCosted"]!));
        Assert.DoesNotContain("Test Pupil", draft.ToJsonString(), StringComparison.Ordinal);

        // The school adjusts the draft (adds what the provision map doesn't hold) and sends it.
        var outturnLines = lines
            .Select(l => new { heading = (string)l!["heading"]!, description = (string)l["description"]!, amount = Money(l["amount"]) })
            .Concat([
                new { heading = "staff", description = "Teaching assistants (salaries)", amount = 98500.00m },
                new { heading = "resources", description = "Assistive technology", amount = 1200.00m },
                new { heading = "training", description = "TA training", amount = 3000.00m },
            ]).ToArray();
        var outturn = await OkAsync(await senco.PutAsJsonAsync($"{Oakfield}/outturn", new { lines = outturnLines }));
        Assert.Equal(103880.42m, Money(outturn["total"]));
        Assert.Equal([99230.42m, 450.00m, 1200.00m, 3000.00m, 0.00m], outturn["byHeading"]!.AsArray().Select(h => Money(h!["amount"])));
        var school = (await senco.GetFromJsonAsync<JsonObject>(Oakfield))!;
        Assert.Equal((111500.50m, 107500.50m, 103880.42m, 7620.08m), (Money(school["allocation"]!["total"]), Money(school["plan"]!["total"]),
            Money(school["outturn"]!["total"]), Money(school["balance"])));

        // The borough's report: allocation against spending per school, with totals, on screen, in the CSV and in the PDF.
        la = await p.SignInAsync("la");
        var report = await OkAsync(await la.GetAsync(Borough));
        var rows = report["schools"]!.AsArray();
        Assert.Equal(["Elm Academy", "Oakfield Primary"], rows.Select(r => (string)r!["schoolName"]!));
        Assert.Equal(("allocated", 52000.00m, null, null), ((string?)rows[0]!["status"], Money(rows[0]!["allocation"]),
            (decimal?)rows[0]!["spent"], (decimal?)rows[0]!["balance"]));
        Assert.Equal(("outturn sent", 111500.50m, 107500.50m, 103880.42m, 7620.08m), ((string?)rows[1]!["status"], Money(rows[1]!["allocation"]),
            Money(rows[1]!["planned"]), Money(rows[1]!["spent"]), Money(rows[1]!["balance"])));
        var totals = report["totals"]!;
        Assert.Equal((163500.50m, 107500.50m, 103880.42m, 7620.08m, 2, 1, 1), (Money(totals["allocation"]), Money(totals["planned"]),
            Money(totals["spent"]), Money(totals["balance"]), (int)totals["allocated"]!, (int)totals["plansSent"]!, (int)totals["outturnsSent"]!));
        Assert.Equal(("2027-03-31", "Demo Borough"), ((string?)report["to"], (string?)report["boroughName"]));

        var csv = (await la.GetStringAsync($"{Borough}/report.csv")).ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal("school_id,school,notional_sen_budget,top_up,ehc_plans,allocation,planned,spent,balance,status", csv[0]);
        Assert.Equal("elm,Elm Academy,52000.00,0.00,0,52000.00,,,,allocated", csv[1]);
        Assert.Equal("oakfield,Oakfield Primary,84000.00,27500.50,4,111500.50,107500.50,103880.42,7620.08,outturn sent", csv[2]);
        Assert.Equal("total,2 schools,,,,163500.50,107500.50,103880.42,7620.08,1 outturns of 2", csv[3]);

        var pdf = await la.GetAsync($"{Borough}/report.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Pdf.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("SEN funding 2026-27: allocation against spending", text, StringComparison.Ordinal);
        Assert.Contains("1 April 2026 to 31 March 2027", text, StringComparison.Ordinal);
        Assert.Contains("Oakfield Primary £111,500.50 £107,500.50 £103,880.42 £7,620.08", text, StringComparison.Ordinal);
        Assert.Contains("Elm Academy £52,000.00 - - -", text, StringComparison.Ordinal);
        Assert.Contains("Oakfield Primary £84,000.00 £27,500.50 4", text, StringComparison.Ordinal);
        Assert.Contains("Total £163,500.50 £107,500.50 £103,880.42 £7,620.08", text, StringComparison.Ordinal);
        Assert.Contains("2 of 2 schools have an allocation, 1 have sent a plan and 1 an outturn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Pupil", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoBorough_HasItsFundingYear_AllocationsAPlanAndACostedProvisionMap()
    {
        await using var factory = new ServiceFactory("2026-11-23", demo: true);
        using var http = factory.CreateClient();

        var report = (await http.GetFromJsonAsync<JsonObject>(Borough))!;
        var demo = report["schools"]!.AsArray().Single(s => (string?)s!["schoolId"] == "oakfield-primary")!;
        Assert.Equal(("plan sent", 111500.00m, 107500.50m), ((string?)demo["status"], Money(demo["allocation"]), Money(demo["planned"])));
        Assert.All(report["schools"]!.AsArray(), s => Assert.NotNull((decimal?)s!["allocation"]));

        // Three pupils' reading groups from 13 April (194 school days to the end of the spring term, 38.8 weeks at 1.5 hours a
        // week at £12.55: £730.41 each) and three pupils' programmes at £450.00.
        var draft = (await http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield-primary/funding/2026-27/outturn/draft"))!;
        Assert.Equal(["Reading group: staff time, 3 pupils", "Speech and language programme: 3 pupils"],
            draft["lines"]!.AsArray().Select(l => (string)l!["description"]!));
        Assert.Equal((2191.23m, 1350.00m, 3541.23m), (Money(draft["lines"]![0]!["amount"]), Money(draft["lines"]![1]!["amount"]),
            Money(draft["total"])));
    }

    [Fact]
    public async Task BadInput_IsRefusedWithEveryProblemListed_AndChangesNothing()
    {
        await using var p = await Pathway.StartAsync("2026-04-01");
        var la = await BoroughAsync(p);
        var senco = await p.StaffAsync("senco", "senco");

        // A negative budget, a top-up line without plans and a negative rate, a year not written as 2026-27, a school of another borough.
        var bad = await la.PutAsJsonAsync("/api/boroughs/demo-borough/funding/2026-2027/schools/birch/allocation", new
        {
            notionalSenBudget = -1000m,
            topUp = new object[] { new { description = "Band 2", rate = -6000m }, new { plans = 2, rate = 10.001m } },
        });
        var problem = await Pathway.ProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal(["year", "schoolId", "notionalSenBudget", "topUp[0].plans", "topUp[0].rate", "topUp[1].rate"],
            problem["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        var messages = string.Join(" | ", problem["errors"]!.AsArray().Select(e => (string?)e!["message"]));
        Assert.Contains("'2026-2027' is not a financial year: write it as 2026-27", messages, StringComparison.Ordinal);
        Assert.Contains("'birch' is a school of another borough", messages, StringComparison.Ordinal);
        Assert.Contains("'notionalSenBudget' is negative", messages, StringComparison.Ordinal);
        Assert.Contains("more than two decimal places", messages, StringComparison.Ordinal);

        // Only the amount is wrong: still nothing is recorded.
        problem = await Pathway.ProblemAsync(await la.PutAsJsonAsync($"{Borough}/schools/oakfield/allocation",
            new { notionalSenBudget = -0.01m }), HttpStatusCode.BadRequest);
        Assert.Equal(["notionalSenBudget"], problem["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        Assert.Null((await senco.GetFromJsonAsync<JsonObject>(Oakfield))!["allocation"]);

        // A plan and an outturn for a year with no allocation, with a heading the list doesn't know, no description, a negative amount.
        await OkAsync(await la.PutAsJsonAsync($"{Borough}/schools/oakfield/allocation", OakfieldAllocation));
        var lines = new object[]
        {
            new { heading = "salaries", description = "TAs", amount = 100m },
            new { heading = "staff", description = " ", amount = -5m },
        };
        foreach (var kind in new[] { "plan", "outturn" })
        {
            problem = await Pathway.ProblemAsync(await senco.PutAsJsonAsync($"/api/schools/oakfield/funding/2027-28/{kind}", new { lines }),
                HttpStatusCode.BadRequest);
            Assert.Equal(["year", "lines[0].heading", "lines[1].description", "lines[1].amount"],
                problem["errors"]!.AsArray().Select(e => (string?)e!["field"]));
            Assert.Contains("no SEN allocation for Oakfield Primary in 2027-28",
                (string?)problem["errors"]![0]!["message"], StringComparison.Ordinal);
        }
        problem = await Pathway.ProblemAsync(await senco.PutAsJsonAsync($"{Oakfield}/plan", new { lines = Array.Empty<object>() }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["lines"], problem["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        var nothing = (await senco.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/funding/2027-28"))!;
        Assert.Null(nothing["plan"]);
        Assert.Null(nothing["outturn"]);
        Assert.Null((await senco.GetFromJsonAsync<JsonObject>(Oakfield))!["plan"]);
        await Pathway.ProblemAsync(await senco.GetAsync("/api/schools/oakfield/funding/27-28"), HttpStatusCode.BadRequest);

        // A provision's cost: a basis the list doesn't know, a negative rate, or hours without a basis.
        var pupil = await p.NewPupilAsync();
        var provision = new JsonObject
        {
            ["intervention"] = "Reading group", ["entryCriteria"] = "Need", ["exitCriteria"] = "Met", ["startsOn"] = "2026-04-13",
            ["deliveredBy"] = "TA", ["costBasis"] = "weekly", ["hourlyRate"] = -1m,
        };
        problem = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"/api/pupils/{pupil}/provisions", provision), HttpStatusCode.BadRequest);
        Assert.Equal(["costBasis"], problem["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        provision["costBasis"] = "hourly";
        problem = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"/api/pupils/{pupil}/provisions", provision), HttpStatusCode.BadRequest);
        Assert.Equal(["hoursPerWeek", "hourlyRate"], problem["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        provision.Remove("costBasis");
        provision["hoursPerWeek"] = 2m;
        provision["hourlyRate"] = 12m;
        problem = await Pathway.ProblemAsync(await senco.PostAsJsonAsync($"/api/pupils/{pupil}/provisions", provision), HttpStatusCode.BadRequest);
        Assert.Equal(["costBasis"], problem["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        Assert.Empty((await senco.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupil}/record"))!["provisions"]!.AsArray());
    }

    [Fact]
    public async Task EachRole_SeesAndChangesWhatItMay()
    {
        await using var p = await Pathway.StartAsync("2026-04-01");
        var la = await BoroughAsync(p);
        var senco = await p.StaffAsync("senco", "senco");
        var head = await p.StaffAsync("head", "headteacher");
        var governor = await p.StaffAsync("gov", "sen-governor");
        var teacher = await p.StaffAsync("teacher", "class-teacher", classes: "3 Oak");
        await UserAsync(p, "elm-senco", "senco", schoolId: "elm");
        var elmSenco = await p.SignInAsync("elm-senco");
        var laNorth = await p.SignInAsync("la-north");

        // Only the borough's LA officer (and an administrator) records an allocation and reads the borough's report.
        await OkAsync(await la.PutAsJsonAsync($"{Borough}/schools/oakfield/allocation", OakfieldAllocation));
        await OkAsync(await p.Http.PutAsJsonAsync($"{Borough}/schools/elm/allocation", new { notionalSenBudget = 1m }));
        await Pathway.ProblemAsync(await senco.PutAsJsonAsync($"{Borough}/schools/oakfield/allocation", OakfieldAllocation),
            HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await laNorth.PutAsJsonAsync($"{Borough}/schools/oakfield/allocation", OakfieldAllocation),
            HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await laNorth.GetAsync(Borough), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await head.GetAsync($"{Borough}/report.csv"), HttpStatusCode.Forbidden);

        // The SENCo and the head send the plan; the SEN governor reads the school's figures but sends nothing; a teacher neither.
        await OkAsync(await head.PutAsJsonAsync($"{Oakfield}/plan", Plan));
        await Pathway.ProblemAsync(await governor.PutAsJsonAsync($"{Oakfield}/plan", Plan), HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await teacher.GetAsync(Oakfield), HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await governor.GetAsync($"{Oakfield}/outturn/draft"), HttpStatusCode.Forbidden);
        Assert.Equal(107500.50m, Money((await governor.GetFromJsonAsync<JsonObject>(Oakfield))!["plan"]!["total"]));
        Assert.Equal("The head", (string?)(await senco.GetFromJsonAsync<JsonObject>(Oakfield))!["plan"]!["submittedBy"]);

        // Another school's SENCo and another borough's officer don't see the school; the borough's officer sees each of its schools.
        await Pathway.ProblemAsync(await elmSenco.GetAsync(Oakfield), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await elmSenco.PutAsJsonAsync($"{Oakfield}/plan", Plan), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await laNorth.GetAsync(Oakfield), HttpStatusCode.NotFound);
        Assert.Equal(111500.50m, Money((await la.GetFromJsonAsync<JsonObject>(Oakfield))!["allocation"]!["total"]));
        Assert.Equal(1.00m, Money((await la.GetFromJsonAsync<JsonObject>("/api/schools/elm/funding/2026-27"))!["allocation"]!["total"]));
        await Pathway.ProblemAsync(await la.PutAsJsonAsync($"{Oakfield}/plan", Plan), HttpStatusCode.Forbidden);

        // Each look and change is in the audit log.
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?take=5000"))!;
        Assert.Contains(audit, e => (string?)e!["resource"] == "sen-allocation" && (string?)e["action"] == "change");
        Assert.Contains(audit, e => (string?)e!["resource"] == "sen-plan" && (string?)e["action"] == "change");
        Assert.Contains(audit, e => (string?)e!["resource"] == "sen-funding" && (string?)e["action"] == "read");
    }
}
