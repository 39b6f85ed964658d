namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The SENCo's CPD audit through the API: the ten topics of seed 004, rated and commented, priorities that become
/// actions in the SEN action plan once each and training needs for the year, every problem of a bad request listed with
/// nothing saved, and next year's audit with this year's ratings beside it.
/// </summary>
public sealed class CpdAuditTests
{
    private const string Audit = "/api/schools/oakfield/cpd-audit";

    private static object Body(object[] ratings, object[] priorities) => new { ratings, priorities };

    private static readonly object[] Ratings =
    [
        new { statementId = "ta-1", rating = "developing", comment = "New TAs have had no SEND training yet." },
        new { statementId = "ta-2", rating = "secure", comment = (string?)null },
        new { statementId = "int-1", rating = "not yet", comment = "Interventions are bought in." },
        new { statementId = "kb-2", rating = "outstanding", comment = "" },
    ];

    private static readonly object[] TwoPriorities =
    [
        new { statementId = "ta-1", action = "SEND training for every TA in the autumn term", owner = "SENCo", dueOn = "2026-12-18" },
        new { statementId = "int-1", action = (string?)null, owner = (string?)null, dueOn = (string?)null },
    ];

    private static JsonObject Statement(JsonObject audit, string id) =>
        audit["topics"]!.AsArray().SelectMany(t => t!["statements"]!.AsArray()).Single(s => (string?)s!["id"] == id)!.AsObject();

    private static async Task<JsonArray> PlanAsync(Pathway p, string year = "2026-27") =>
        (await p.Http.GetFromJsonAsync<JsonObject>($"/api/schools/oakfield/action-plan?year={year}"))!["items"]!.AsArray();

    private static async Task SaveAsync(Pathway p, object body, string year = "2026-27")
    {
        var response = await p.Http.PutAsJsonAsync($"{Audit}?year={year}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAudit_HasTheTenTopicsOfTheSeed_EachWithStatementsAndGuidance()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");

        var audit = (await p.Http.GetFromJsonAsync<JsonObject>(Audit))!;

        var topics = audit["topics"]!.AsArray();
        Assert.Equal(["Teaching assistants", "Interventions", "Assessment and identifying need", "The role of the SENCo", "Whole-school SEND",
            "Strategy and planning", "Code of Practice implementation", "Transitions", "Local authority processes", "SEND knowledge base"],
            topics.Select(t => (string)t!["title"]!));
        Assert.Equal(Enumerable.Range(1, 10), topics.Select(t => (int)t!["number"]!));
        Assert.All(topics, t => Assert.NotEmpty(t!["statements"]!.AsArray()));
        // Topic 10's guidance in the seed is topic 8's, copied by mistake; the other nine have their own.
        Assert.All(topics.Take(9), t => Assert.NotEmpty(t!["challenges"]!.AsArray()));
        Assert.All(topics.Take(9), t => Assert.NotEmpty(t!["pointsToConsider"]!.AsArray()));
        var ids = topics.SelectMany(t => t!["statements"]!.AsArray()).Select(s => (string)s!["id"]!).ToList();
        Assert.Equal(36, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("Knowledgeable across a range of SEND issues.", (string?)Statement(audit, "ta-1")["text"]);
        Assert.Equal(["not yet", "developing", "secure", "outstanding"], audit["ratings"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(("2026-27", "2025-26"), ((string?)audit["academicYear"], (string?)audit["lastYear"]));
        Assert.Null(audit["savedAt"]);
        Assert.Empty(audit["trainingNeeds"]!.AsArray());
    }

    [Fact]
    public async Task RatingsAndTwoPriorities_AreSaved_AndEachPriorityIsAnActionInThePlanOnce()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");

        await SaveAsync(p, Body(Ratings, TwoPriorities));

        var audit = (await p.Http.GetFromJsonAsync<JsonObject>($"{Audit}?year=2026-27"))!;
        Assert.Equal(("developing", "New TAs have had no SEND training yet."),
            ((string?)Statement(audit, "ta-1")["rating"], (string?)Statement(audit, "ta-1")["comment"]));
        Assert.Equal(("outstanding", null), ((string?)Statement(audit, "kb-2")["rating"], (string?)Statement(audit, "kb-2")["comment"]));
        Assert.Null(Statement(audit, "ta-3")["rating"]);
        var priorities = audit["priorities"]!.AsArray();
        Assert.Equal(["ta-1", "int-1"], priorities.Select(x => (string)x!["statementId"]!));
        Assert.Equal(("SENCo", "2026-12-18"), ((string?)priorities[0]!["owner"], (string?)priorities[0]!["dueOn"]));
        Assert.Equal(["Teaching assistants", "Interventions"], audit["trainingNeeds"]!.AsArray().Select(t => (string)t!));

        var plan = await PlanAsync(p);
        Assert.Equal(2, plan.Count);
        Assert.All(plan, i => Assert.Equal(("cpd-audit", "to do"), ((string?)i!["source"], (string?)i["status"])));
        var training = plan.Single(i => (string?)i!["area"] == "Teaching assistants: Knowledgeable about SEND")!;
        Assert.Equal(("SEND training for every TA in the autumn term", "SENCo", "2026-12-18"),
            ((string?)training["action"], (string?)training["owner"], (string?)training["dueOn"]));
        var develop = plan.Single(i => (string?)i!["area"] == "Interventions: Specific and personalised")!;
        Assert.Equal("Develop: Interventions are specific, child-led and personalised.", (string?)develop["action"]);

        // Saved again with one more priority in a topic already chosen: one more action, no copies, the same training needs.
        await SaveAsync(p, Body(Ratings, [.. TwoPriorities, new { statementId = "ta-4", action = "Whole-class awareness", owner = "Head" }]));
        Assert.Equal(3, (await PlanAsync(p)).Count);
        var again = (await p.Http.GetFromJsonAsync<JsonObject>(Audit))!;
        Assert.Equal(["Teaching assistants", "Interventions"], again["trainingNeeds"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(3, again["priorities"]!.AsArray().Count);
    }

    [Fact]
    public async Task BadInput_ListsEveryProblem_AndSavesNothing()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        await SaveAsync(p, Body(Ratings, TwoPriorities));

        var bad = await p.Http.PutAsJsonAsync($"{Audit}?year=2026-2027", Body(
            [
                new { statementId = "ta-99", rating = "secure", comment = "" },
                new { statementId = "ta-2", rating = "excellent", comment = new string('x', 2001) },
                new { statementId = "ta-3", rating = "Secure", comment = "" },
            ],
            [new { statementId = "nope", action = "Something" }]));

        var problem = await Pathway.ProblemAsync(bad, HttpStatusCode.BadRequest);
        var fields = problem["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();
        Assert.Equal(["year", "ratings[0].statementId", "ratings[1].rating", "ratings[1].comment", "ratings[2].rating",
            "priorities[0].statementId"], fields);
        var messages = string.Join(" | ", problem["errors"]!.AsArray().Select(e => (string?)e!["message"]));
        Assert.Contains("'ta-99' is not a statement of the CPD audit", messages);
        Assert.Contains("'excellent' is not a rating", messages);
        Assert.Contains("at most 2000 characters", messages);

        var audit = (await p.Http.GetFromJsonAsync<JsonObject>(Audit))!;
        Assert.Equal("secure", (string?)Statement(audit, "ta-2")["rating"]);
        Assert.Null(Statement(audit, "ta-3")["rating"]);
        Assert.Equal(2, audit["priorities"]!.AsArray().Count);
        Assert.Equal(2, (await PlanAsync(p)).Count);
        await Pathway.ProblemAsync(await p.Http.GetAsync($"{Audit}?year=26-27"), HttpStatusCode.BadRequest);
        // A year that is well formed but wrong in its second half is not a school year either.
        await Pathway.ProblemAsync(await p.Http.PutAsJsonAsync($"{Audit}?year=2026-28", Body(Ratings, [])), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NextYearsAudit_ShowsThisYearsRatingsAsLastYears()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        await SaveAsync(p, Body(Ratings, TwoPriorities));

        await p.AdvanceToAsync("2027-09-02");
        var audit = (await p.Http.GetFromJsonAsync<JsonObject>(Audit))!;

        Assert.Equal(("2027-28", "2026-27"), ((string?)audit["academicYear"], (string?)audit["lastYear"]));
        var ta1 = Statement(audit, "ta-1");
        Assert.Equal((null, "developing", "New TAs have had no SEND training yet."),
            ((string?)ta1["rating"], (string?)ta1["lastYearRating"], (string?)ta1["lastYearComment"]));
        Assert.Equal("not yet", (string?)Statement(audit, "int-1")["lastYearRating"]);
        Assert.Empty(audit["priorities"]!.AsArray());
        Assert.Empty(audit["trainingNeeds"]!.AsArray());
        Assert.Empty(await PlanAsync(p, "2027-28"));

        await SaveAsync(p, Body([new { statementId = "ta-1", rating = "secure", comment = "All TAs trained." }], []), "2027-28");
        var saved = Statement((await p.Http.GetFromJsonAsync<JsonObject>(Audit))!, "ta-1");
        Assert.Equal(("secure", "developing"), ((string?)saved["rating"], (string?)saved["lastYearRating"]));
        Assert.Equal("developing", (string?)Statement((await p.Http.GetFromJsonAsync<JsonObject>($"{Audit}?year=2026-27"))!, "ta-1")["rating"]);
    }
}
