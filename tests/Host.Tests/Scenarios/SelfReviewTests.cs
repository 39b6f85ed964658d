namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The borough's year of school self-reviews (seed 001) on the simulated clock: the borough assigns its educational
/// psychologist to two schools and starts their self-reviews on 1 September; each school audits its SEN pupils and levels
/// the ten dimensions by the end of September; the EP meets each in October and records what could improve by one point;
/// the work plans are agreed and go into the schools' action plans, and are reviewed in July; on 1 September the year
/// starts again by itself and the second year sits beside the first, for the school and for the borough. Bad input is
/// refused whole, and an EP or a school sees only what is theirs.
/// </summary>
public sealed class SelfReviewTests
{
    private const string Borough = "/api/boroughs/demo-borough";

    private static string Review(string school, string year) => $"/api/schools/{school}/self-review/{year}";

    private static string Text(JsonObject problem) =>
        string.Join(" | ", new[] { (string?)problem["detail"] }.Concat(problem["errors"]?.AsArray().Select(e => (string?)e!["message"]) ?? []));

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A borough's member of staff (an LA officer, an EP): their account names the borough.</summary>
    private static async Task<(HttpClient Client, string Id)> BoroughStaffAsync(Pathway p, string user, string role, string borough = "demo-borough")
    {
        var created = await p.Http.PostAsJsonAsync("/api/users", new
        {
            email = $"{user}@test.example", displayName = $"The {user}", role, boroughId = borough, password = Pathway.StaffPassword,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        return (await p.SignInAsync(user), id);
    }

    private static async Task AddSchoolAsync(Pathway p, string id, string name, string borough = "demo-borough") =>
        (await p.Http.PostAsJsonAsync("/api/schools", new { id, name, boroughId = borough })).EnsureSuccessStatusCode();

    private static async Task<JsonObject> AssignAsync(HttpClient la, string school, string userId, string borough = "demo-borough") =>
        await OkAsync(await la.PutAsJsonAsync($"/api/boroughs/{borough}/schools/{school}/educational-psychologist", new { userId }));

    // Every descriptor of the self-review given the level the function picks for its dimension.
    private static async Task<object[]> LevelsAsync(HttpClient client, string school, string year, Func<string, int> level)
    {
        var review = (await client.GetFromJsonAsync<JsonObject>(Review(school, year)))!;
        return review["dimensions"]!.AsArray().SelectMany(d => d!["descriptors"]!.AsArray().Select(x => (object)new
        {
            descriptorId = (string)x!["id"]!, level = level((string)d["id"]!), evidence = $"Seen in {(string)d["title"]!}",
        })).ToArray();
    }

    // The register's figures as the school confirms them, with the figures themselves as the API gives them.
    private static async Task<JsonNode> RegisterFiguresAsync(HttpClient client, string school, string year) =>
        (await client.GetFromJsonAsync<JsonObject>(Review(school, year)))!["registerFigures"]!.DeepClone();

    private static async Task<JsonArray> InboxAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonArray>("/api/inbox"))!;

    // The inbox's tasks of the school's programmes (the self-review), not its pupils'.
    private static async Task<List<JsonNode?>> SchoolWorkAsync(HttpClient client) =>
        (await InboxAsync(client)).Where(t => (string?)t!["pupilName"] == "The school's programme").ToList();

    private static JsonObject Dimension(JsonObject review, string id) =>
        review["dimensions"]!.AsArray().Single(d => (string?)d!["id"] == id)!.AsObject();

    private static JsonObject Row(JsonObject borough, string school) =>
        borough["schools"]!.AsArray().Single(s => (string?)s!["schoolId"] == school)!.AsObject();

    private static double? Level(JsonObject row, string dimension, int year) =>
        (double?)row["dimensions"]!.AsArray().Single(d => (string?)d!["dimensionId"] == dimension)!["levels"]![year];

    [Fact]
    public async Task ABoroughsYear_SelfReviewsInSeptember_EpMeetingsInOctober_WorkPlansReviewedInJuly_AndTheSecondYearBesideTheFirst()
    {
        await using var p = await Pathway.StartAsync("2026-09-01");
        await AddSchoolAsync(p, "brookside", "Brookside Primary");
        var (la, _) = await BoroughStaffAsync(p, "la", "la-officer");
        var (ep, epId) = await BoroughStaffAsync(p, "ep", "educational-psychologist");
        var oakSenco = await p.StaffAsync("oak-senco", "senco");
        var brookSenco = await p.StaffAsync("brook-senco", "senco", schoolId: "brookside");
        // Oakfield's register: two pupils at SEN support (stage 3), one with an EHC plan.
        await p.PupilAtAsync("sen-support");
        await p.PupilAtAsync("sen-support");
        await p.PupilAtAsync("ehcp");

        // 1 September: the borough assigns its EP to both schools and starts both schools' self-reviews at once.
        Assert.Equal("The ep", (string?)(await AssignAsync(la, "oakfield", epId))["displayName"]);
        await AssignAsync(la, "brookside", epId);
        var started = await OkAsync(
            await la.PostAsJsonAsync($"{Borough}/programmes", new { definitionId = "self-review", academicYear = "2026-27" }));
        Assert.Equal(["brookside", "oakfield"], started["started"]!.AsArray().Select(s => (string)s!["schoolId"]!).Order());
        var task = Assert.Single(await SchoolWorkAsync(oakSenco));
        Assert.Equal(("senco", "2026-09-30"), ((string?)task!["role"], (string?)task["dueOn"]));
        Assert.StartsWith("Complete the SEN audit figures and the self-review", (string?)task["title"], StringComparison.Ordinal);
        Assert.Empty(await InboxAsync(ep));

        // September: each school levels every descriptor, chooses what to discuss and confirms (Brookside corrects) its figures.
        await p.AdvanceToAsync("2026-09-21");
        oakSenco = await p.SignInAsync("oak-senco");
        brookSenco = await p.SignInAsync("brook-senco");
        ep = await p.SignInAsync("ep");
        la = await p.SignInAsync("la");
        var register = await RegisterFiguresAsync(oakSenco, "oakfield", "2026-27");
        Assert.Equal((2, 1), ((int)register["senSupport"]!, (int)register["ehcPlans"]!));
        var oak = await OkAsync(await oakSenco.PutAsJsonAsync(Review("oakfield", "2026-27"), new
        {
            levels = await LevelsAsync(oakSenco, "oakfield", "2026-27", d => d is "assessment" or "governance" ? 2 : 3),
            discussion = new List<string> { "assessment", "governance" }, figures = register, complete = true,
        }));
        Assert.Equal(2.0, (double?)Dimension(oak, "assessment")["level"]);
        Assert.True((bool)Dimension(oak, "governance")["forDiscussion"]!);
        var brook = await OkAsync(await brookSenco.PutAsJsonAsync(Review("brookside", "2026-27"), new
        {
            levels = await LevelsAsync(brookSenco, "brookside", "2026-27", d => d == "partnership" ? 1 : 2),
            discussion = new List<string> { "partnership" }, complete = true,
            figures = new { onRoll = 180, byStage = new Dictionary<string, int> { ["1"] = 4, ["2"] = 3, ["3"] = 6, ["4"] = 2, ["6"] = 2 },
                byPrimaryNeed = new Dictionary<string, int> { ["SLCN"] = 5, ["ASD"] = 3, ["SEMH"] = 2 } },
        }));
        Assert.Equal((8, 2, true), ((int)brook["figures"]!["senSupport"]!, (int)brook["figures"]!["ehcPlans"]!, (bool)brook["figuresSaved"]!));
        Assert.Equal("critical-friend", (string?)brook["progress"]!["state"]);

        // The EP has a meeting to hold at each school within 5 weeks (by 26 October); each school's SENCo has their half of it.
        var epTasks = await InboxAsync(ep);
        Assert.Equal(2, epTasks.Count);
        Assert.All(epTasks, t => Assert.Equal(("educational-psychologist", "2026-10-26"), ((string?)t!["role"], (string?)t["dueOn"])));
        Assert.Contains(await SchoolWorkAsync(oakSenco),
            t => ((string)t!["title"]!).StartsWith("Meet the educational psychologist", StringComparison.Ordinal));

        // October: the critical-friend meetings.
        await p.AdvanceToAsync("2026-10-12");
        ep = await p.SignInAsync("ep");
        oakSenco = await p.SignInAsync("oak-senco");
        brookSenco = await p.SignInAsync("brook-senco");
        oak = await OkAsync(await ep.PutAsJsonAsync($"{Review("oakfield", "2026-27")}/meeting", new
        {
            heldOn = "2026-10-08", attendees = "SENCo, headteacher, EP",
            notes = new[]
            {
                new { dimensionId = "assessment", notes = "Track the progress of pupils who may have SEN half-termly, not termly." },
                new { dimensionId = "governance", notes = "A termly SEN report to the full governing body." },
            },
        }));
        Assert.Equal("2026-10-08", (string?)oak["meeting"]!["heldOn"]);
        Assert.Equal("A termly SEN report to the full governing body.", (string?)Dimension(oak, "governance")["improveNotes"]);
        Assert.Equal("work-plan", (string?)oak["progress"]!["state"]);
        await OkAsync(await ep.PutAsJsonAsync($"{Review("brookside", "2026-27")}/meeting", new
        {
            heldOn = "2026-10-09", notes = new[] { new { dimensionId = "partnership", notes = "Share concerns with parents at the first sign." } },
        }));
        Assert.Empty(await InboxAsync(ep));
        // The school's half of the meeting was completed with the EP's, not cancelled.
        Assert.DoesNotContain(await SchoolWorkAsync(oakSenco), t => ((string)t!["title"]!).StartsWith("Meet the", StringComparison.Ordinal));
        var agree = Assert.Single(await SchoolWorkAsync(oakSenco));
        Assert.Equal("2026-11-02", (string?)agree!["dueOn"]);

        // The agreed work plans; their actions go into each school's SEN action plan.
        oak = await OkAsync(await oakSenco.PutAsJsonAsync($"{Review("oakfield", "2026-27")}/work-plan", new
        {
            lines = new object[]
            {
                new { dimensionId = "assessment", area = "Tracking", action = "Half-termly tracking of pupils who may have SEN",
                    owner = "SENCo", dueOn = "2027-02-12" },
                new { dimensionId = "governance", area = "Reporting to governors", action = "Termly SEN report to governors",
                    owner = "Headteacher", dueOn = "2027-03-26" },
            },
        }));
        Assert.Equal("work-plan-agreed", (string?)oak["progress"]!["state"]);
        Assert.Equal("2027-07-21", (string?)Assert.Single(oak["progress"]!["openTasks"]!.AsArray())!["dueOn"]);
        var plan = (await oakSenco.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan?year=2026-27"))!["items"]!.AsArray();
        Assert.Contains(plan, i => (string?)i!["area"] == "Self-review, Governance: Reporting to governors"
            && (string?)i["action"] == "Termly SEN report to governors");
        await OkAsync(await ep.PutAsJsonAsync($"{Review("brookside", "2026-27")}/work-plan", new
        {
            lines = new[] { new { dimensionId = "partnership", area = "Parents", action = "Termly coffee mornings", owner = "SENCo" } },
        }));

        // July: each work plan reviewed, and the year's self-review is done.
        await p.AdvanceToAsync("2027-07-05");
        oakSenco = await p.SignInAsync("oak-senco");
        brookSenco = await p.SignInAsync("brook-senco");
        oak = await OkAsync(await oakSenco.PutAsJsonAsync($"{Review("oakfield", "2026-27")}/work-plan/review", new
        {
            reviewedOn = "2027-07-02", summary = "Tracking is in place; the governors' report carries into next year.",
            lines = new[] { new { number = 1, status = "done", notes = "Half-termly since January." },
                new { number = 2, status = "carried forward", notes = "Two of three reports." } },
        }));
        Assert.Equal(("reviewed", "closed"), ((string?)oak["progress"]!["state"], (string?)oak["progress"]!["status"]));
        Assert.Equal("carried forward", (string?)oak["workPlan"]![1]!["reviewStatus"]);
        await OkAsync(await brookSenco.PutAsJsonAsync($"{Review("brookside", "2026-27")}/work-plan/review", new
        {
            reviewedOn = "2027-07-05", lines = new[] { new { number = 1, status = "partly done", notes = (string?)null } },
        }));

        // 1 September 2027: both schools' self-reviews start again by themselves.
        await p.AdvanceToAsync("2027-09-01");
        oakSenco = await p.SignInAsync("oak-senco");
        brookSenco = await p.SignInAsync("brook-senco");
        la = await p.SignInAsync("la");
        var next = (await oakSenco.GetFromJsonAsync<JsonObject>(Review("oakfield", "2027-28")))!;
        Assert.Equal(("self-review", "2027-09-30"), ((string?)next["progress"]!["state"],
            (string?)next["progress"]!["openTasks"]![0]!["dueOn"]));
        Assert.Equal(2.0, (double?)Dimension(next, "assessment")["lastYearLevel"]);
        Assert.Null((double?)Dimension(next, "assessment")["level"]);

        // The second year: Oakfield moves assessment up a point, Brookside partnership up two.
        await p.AdvanceToAsync("2027-09-20");
        oakSenco = await p.SignInAsync("oak-senco");
        brookSenco = await p.SignInAsync("brook-senco");
        la = await p.SignInAsync("la");
        next = await OkAsync(await oakSenco.PutAsJsonAsync(Review("oakfield", "2027-28"), new
        {
            levels = await LevelsAsync(oakSenco, "oakfield", "2027-28", d => d == "governance" ? 2 : 3),
            discussion = new List<string> { "governance" }, figures = await RegisterFiguresAsync(oakSenco, "oakfield", "2027-28"), complete = true,
        }));
        Assert.Equal((3.0, 2.0), ((double?)Dimension(next, "assessment")["level"], (double?)Dimension(next, "assessment")["lastYearLevel"]));
        Assert.Equal("critical-friend", (string?)next["progress"]!["state"]);
        await OkAsync(await brookSenco.PutAsJsonAsync(Review("brookside", "2027-28"), new
        {
            levels = await LevelsAsync(brookSenco, "brookside", "2027-28", d => 3),
            figures = new { onRoll = 185, byStage = new Dictionary<string, int> { ["3"] = 7, ["6"] = 3 } },
        }));

        // The borough sees every school's levels per dimension over the years, with this year's change, and the SEN figures.
        var view = (await la.GetFromJsonAsync<JsonObject>($"{Borough}/self-reviews?year=2027-28"))!;
        Assert.Equal(["2024-25", "2025-26", "2026-27", "2027-28"], view["years"]!.AsArray().Select(y => (string)y!));
        Assert.Equal(10, view["dimensions"]!.AsArray().Count);
        var oakRow = Row(view, "oakfield");
        Assert.Equal((2.0, 3.0), (Level(oakRow, "assessment", 2)!.Value, Level(oakRow, "assessment", 3)!.Value));
        Assert.Equal(1.0, (double?)oakRow["dimensions"]!.AsArray().Single(d => (string?)d!["dimensionId"] == "assessment")!["change"]);
        Assert.Null(Level(oakRow, "assessment", 1));
        Assert.Equal(("The ep", "critical-friend"), ((string?)oakRow["educationalPsychologist"], (string?)oakRow["state"]));
        var brookRow = Row(view, "brookside");
        Assert.Equal(2.0, (double?)brookRow["dimensions"]!.AsArray().Single(d => (string?)d!["dimensionId"] == "partnership")!["change"]);
        Assert.Equal("self-review", (string?)brookRow["state"]);
        var totals = view["borough"]!.AsArray();
        var lastYear = totals.Single(t => (string?)t!["academicYear"] == "2026-27")!;
        Assert.Equal((2, 10, 3), ((int)lastYear["schools"]!, (int)lastYear["figures"]!["senSupport"]!, (int)lastYear["figures"]!["ehcPlans"]!));
        var thisYear = totals.Single(t => (string?)t!["academicYear"] == "2027-28")!;
        Assert.Equal((2, 9, 4), ((int)thisYear["schools"]!, (int)thisYear["figures"]!["senSupport"]!, (int)thisYear["figures"]!["ehcPlans"]!));

        // The public summary the LA's landing page calls: this year and last per school and dimension.
        var summary = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<SendWorkflow.Send.SelfReviews.BoroughSelfReviews>(p.Factory.Services)
            .SummaryAsync("demo-borough", new SendWorkflow.Send.Programmes.AcademicYear(2027), TestContext.Current.CancellationToken);
        var oakSummary = summary.Single(s => s.SchoolId == "oakfield").Dimensions.Single(d => d.DimensionId == "assessment");
        Assert.Equal((3.0, 2.0), (oakSummary.ThisYear, oakSummary.LastYear));
    }

    [Fact]
    public async Task ASelfReviewNotDoneBy30September_IsEscalatedToTheBoroughsOfficer_AndTheEpsMeetingWaitsForIt()
    {
        await using var p = await Pathway.StartAsync("2026-09-01");
        var (la, _) = await BoroughStaffAsync(p, "la", "la-officer");
        var (_, epId) = await BoroughStaffAsync(p, "ep", "educational-psychologist");
        await AssignAsync(la, "oakfield", epId);
        await OkAsync(await la.PostAsJsonAsync($"{Borough}/programmes",
            new { definitionId = "self-review", academicYear = "2026-27", schoolId = "oakfield" }));

        await p.AdvanceToAsync("2026-10-02");

        la = await p.SignInAsync("la");
        var ep = await p.SignInAsync("ep");
        var escalation = Assert.Single(await SchoolWorkAsync(la), t => (string?)t!["kind"] == "escalation");
        Assert.Equal("la-officer", (string?)escalation!["role"]);
        Assert.Contains("Complete the SEN audit figures and the self-review", (string?)escalation["title"], StringComparison.Ordinal);
        // The EP has nothing to do until the school completes its self-review.
        Assert.Empty(await InboxAsync(ep));
        var review = (await la.GetFromJsonAsync<JsonObject>(Review("oakfield", "2026-27")))!;
        Assert.Equal("self-review", (string?)review["progress"]!["state"]);
    }

    [Fact]
    public async Task TheEp_FindsTheirMeetingsInTheirMorningDigest_OnTheBoroughsSchoolDays()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var p = new Pathway("2026-09-01", settings: smtp.Settings);
        await p.EnsureSchoolAsync();
        var (la, _) = await BoroughStaffAsync(p, "la", "la-officer");
        var (_, epId) = await BoroughStaffAsync(p, "ep", "educational-psychologist");
        var senco = await p.StaffAsync("senco", "senco");
        await AssignAsync(la, "oakfield", epId);
        await OkAsync(await la.PostAsJsonAsync($"{Borough}/programmes", new { definitionId = "self-review", academicYear = "2026-27" }));
        await OkAsync(await senco.PutAsJsonAsync(Review("oakfield", "2026-27"), new
        {
            levels = await LevelsAsync(senco, "oakfield", "2026-27", d => 3), discussion = new List<string> { "curriculum" },
            figures = await RegisterFiguresAsync(senco, "oakfield", "2026-27"), complete = true,
        }));

        // The meeting is due 6 October (5 weeks on); the EP's digest the week before it names the school's programme.
        await p.AdvanceToAsync("2026-10-01T09:00:00Z");

        Assert.Contains(smtp.Received, m => m.To == "ep@test.example" && m.Subject.StartsWith("Your tasks for", StringComparison.Ordinal)
            && m.Text.Contains("Meet the school as critical friend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDemoBorough_HasLastYearsSelfReview_ThisYearsUnderWay_AndItsEpAssigned()
    {
        await using var factory = new ServiceFactory("2026-11-23", demo: true);
        using var http = factory.CreateClient();

        var review = (await http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield-primary/self-review"))!;
        Assert.Equal(("2026-27", "self-review"), ((string?)review["academicYear"], (string?)review["progress"]!["state"]));
        Assert.All(review["dimensions"]!.AsArray(), d => Assert.NotNull((double?)d!["lastYearLevel"]));
        Assert.Equal("Jordan Reid (educational psychologist)", (string?)review["educationalPsychologist"]!["displayName"]);
        var view = (await http.GetFromJsonAsync<JsonObject>($"{Borough}/self-reviews"))!;
        Assert.Contains(view["borough"]!.AsArray(), b => (string?)b!["academicYear"] == "2025-26");
    }

    [Fact]
    public async Task BadInput_IsRefusedWithEveryProblemListed_AndNothingChanges()
    {
        await using var p = await Pathway.StartAsync("2026-09-14");
        var senco = await p.StaffAsync("senco", "senco");
        var (la, _) = await BoroughStaffAsync(p, "la", "la-officer");
        var (ep, epId) = await BoroughStaffAsync(p, "ep", "educational-psychologist");
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        await AddSchoolAsync(p, "elm", "Elm Grove", "north");
        var (_, northEpId) = await BoroughStaffAsync(p, "north-ep", "educational-psychologist", "north");

        var levels = await Pathway.ProblemAsync(await senco.PutAsJsonAsync(Review("oakfield", "2026-27"), new
        {
            levels = new object[]
            {
                new { descriptorId = "achievement-1", level = 5, evidence = "Too high" },
                new { descriptorId = "achievement-2", level = 0, evidence = "Too low" },
                new { descriptorId = "achievement-99", level = 2, evidence = "No such descriptor" },
                new { descriptorId = "achievement-3", level = 2, evidence = new string('x', 2001) },
                new { descriptorId = "achievement-3", level = 3, evidence = "Twice" },
            },
            discussion = new List<string> { "achievement", "wellbeing" },
            figures = new
            {
                onRoll = -1, byStage = new Dictionary<string, int> { ["7"] = 1 }, byPrimaryNeed = new Dictionary<string, int> { ["XYZ"] = 1 },
            },
        }), HttpStatusCode.BadRequest);
        var text = Text(levels);
        Assert.Contains("5 is not on the scale: a level is 1 to 4.", text);
        Assert.Contains("0 is not on the scale", text);
        Assert.Contains("'achievement-99' is not a descriptor", text);
        Assert.Contains("'levels[3].evidence' must be at most 2000 characters.", text);
        Assert.Contains("'achievement-3' is given a level twice.", text);
        Assert.Contains("'wellbeing' is not a dimension", text);
        Assert.Contains("'figures.onRoll' is required", text);
        Assert.Contains("'7' is not a stage", text);
        Assert.Contains("'XYZ' is not a census primary need", text);
        Assert.Equal(9, levels["errors"]!.AsArray().Count);
        // Complete asks for every descriptor levelled and the figures confirmed; a stage count above the roll is refused.
        var incomplete = await Pathway.ProblemAsync(await senco.PutAsJsonAsync(Review("oakfield", "2026-27"), new
        {
            levels = new[] { new { descriptorId = "achievement-1", level = 3, evidence = "Seen" } }, complete = true,
        }), HttpStatusCode.BadRequest);
        Assert.Contains("Dimension 1 (Achievement) has 3 descriptors without a level", Text(incomplete));
        Assert.Contains("Dimension 10 (Management) has 8 descriptors without a level", Text(incomplete));
        Assert.Contains("Choose at least one dimension", Text(incomplete));
        Assert.Contains("Confirm or correct the SEN audit figures", Text(incomplete));
        var figures = await Pathway.ProblemAsync(await senco.PutAsJsonAsync(Review("oakfield", "2026-27"), new
        {
            figures = new { onRoll = 3, byStage = new Dictionary<string, int> { ["3"] = 4 }, senSupport = 5, ehcPlans = 0 },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("'figures.senSupport' (5) is not the pupils at stages 3 to 5 (4).", Text(figures));
        Assert.Contains("More pupils are at a stage (4) than are on roll (3).", Text(figures));
        var badYear = await Pathway.ProblemAsync(await senco.GetAsync("/api/schools/oakfield/self-review/2026-2027"), HttpStatusCode.BadRequest);
        Assert.Contains("a school year such as 2026-27", Text(badYear));
        var notYet = await Pathway.ProblemAsync(await senco.PutAsJsonAsync(Review("oakfield", "2027-28"), new { }), HttpStatusCode.BadRequest);
        Assert.Contains("2027-28 has not started yet", Text(notYet));
        var saved = (await senco.GetFromJsonAsync<JsonObject>(Review("oakfield", "2026-27")))!;
        Assert.Null(saved["savedAt"]);
        Assert.All(saved["dimensions"]!.AsArray(), d => Assert.All(d!["descriptors"]!.AsArray(), x => Assert.Null(x!["level"])));

        // The meeting before the self-review is complete is a conflict; a meeting in the future, or without notes, is bad input.
        await AssignAsync(la, "oakfield", epId);
        ep = await p.SignInAsync("ep");
        var early = await Pathway.ProblemAsync(await ep.PutAsJsonAsync($"{Review("oakfield", "2026-27")}/meeting", new
        {
            heldOn = "2026-09-10", notes = new[] { new { dimensionId = "achievement", notes = "Targets" } },
        }), HttpStatusCode.Conflict);
        Assert.Contains("has not completed its self-review", Text(early));
        var future = await Pathway.ProblemAsync(await ep.PutAsJsonAsync($"{Review("oakfield", "2026-27")}/meeting", new
        {
            heldOn = "2026-10-01", notes = new[] { new { dimensionId = "nope", notes = "" } },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("'heldOn' is after today (14 September 2026).", Text(future));
        Assert.Contains("'nope' is not a dimension", Text(future));
        Assert.Contains("'notes[0].notes' is required.", Text(future));
        var plan = await Pathway.ProblemAsync(await senco.PutAsJsonAsync($"{Review("oakfield", "2026-27")}/work-plan", new
        {
            lines = new[] { new { area = "", action = "Do it", dueOn = "2200-01-01" } },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("'lines[0].area' is required.", Text(plan));
        Assert.Contains("'lines[0].dueOn' must be a date between 1990 and 2100.", Text(plan));
        var noPlan = await Pathway.ProblemAsync(await senco.PutAsJsonAsync($"{Review("oakfield", "2026-27")}/work-plan/review", new
        {
            reviewedOn = "2026-09-14", lines = new[] { new { number = 1, status = "finished" } },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("'finished' is not a status", Text(noPlan));

        // Assigning an EP of another borough, or someone who is not an EP, is refused; a school of another borough is not there.
        var foreign = await Pathway.ProblemAsync(await la.PutAsJsonAsync($"{Borough}/schools/oakfield/educational-psychologist",
            new { userId = northEpId }), HttpStatusCode.BadRequest);
        Assert.Contains("an educational psychologist of another borough (north)", Text(foreign));
        var laId = (string)(await la.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["id"]!;
        var notEp = await Pathway.ProblemAsync(await la.PutAsJsonAsync($"{Borough}/schools/oakfield/educational-psychologist",
            new { userId = laId }), HttpStatusCode.BadRequest);
        Assert.Contains("is not an educational psychologist", Text(notEp));
        await Pathway.ProblemAsync(await la.PutAsJsonAsync($"{Borough}/schools/elm/educational-psychologist", new { userId = epId }),
            HttpStatusCode.NotFound);
        var assigned = (await la.GetFromJsonAsync<JsonArray>($"{Borough}/educational-psychologists"))!;
        Assert.Equal(epId, (string?)Assert.Single(assigned)!["userId"]);
        // A pupil's workflow is not the borough's to start for its schools.
        var pathway = await Pathway.ProblemAsync(await la.PostAsJsonAsync($"{Borough}/programmes",
            new { definitionId = "senco-monitoring", academicYear = "2026-27" }), HttpStatusCode.BadRequest);
        Assert.Contains("is not the borough's statutory work on a school", Text(pathway));
        Assert.Empty((await p.Http.GetFromJsonAsync<JsonArray>("/api/schools/oakfield/programmes"))!);
    }

    [Fact]
    public async Task AnEpSeesOnlyTheSchoolsAssignedToThem_AndNoPupil_AndASchoolOnlyItself()
    {
        await using var p = await Pathway.StartAsync("2026-09-14");
        await AddSchoolAsync(p, "brookside", "Brookside Primary");
        (await p.Http.PostAsJsonAsync("/api/boroughs", new { id = "north", name = "North Borough" })).EnsureSuccessStatusCode();
        await AddSchoolAsync(p, "elm", "Elm Grove", "north");
        var (la, _) = await BoroughStaffAsync(p, "la", "la-officer");
        var (northLa, _) = await BoroughStaffAsync(p, "north-la", "la-officer", "north");
        var (ep, epId) = await BoroughStaffAsync(p, "ep", "educational-psychologist");
        var (_, otherEpId) = await BoroughStaffAsync(p, "other-ep", "educational-psychologist");
        var (northEp, northEpId) = await BoroughStaffAsync(p, "north-ep", "educational-psychologist", "north");
        var oakSenco = await p.StaffAsync("oak-senco", "senco");
        var brookSenco = await p.StaffAsync("brook-senco", "senco", schoolId: "brookside");
        var teacher = await p.StaffAsync("teacher", "class-teacher", classes: "3 Oak");
        var pupil = await p.PupilAtAsync("sen-support");
        await AssignAsync(la, "oakfield", epId);
        await AssignAsync(la, "brookside", otherEpId);
        await AssignAsync(northLa, "elm", northEpId, "north");
        await OkAsync(await la.PostAsJsonAsync($"{Borough}/programmes", new { definitionId = "self-review", academicYear = "2026-27" }));

        // The EP sees Oakfield's self-review and its workflow, not Brookside's, not Elm Grove's, and no pupil.
        Assert.Equal("oakfield", (string?)(await ep.GetFromJsonAsync<JsonObject>(Review("oakfield", "2026-27")))!["schoolId"]);
        await Pathway.ProblemAsync(await ep.GetAsync(Review("brookside", "2026-27")), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await northEp.GetAsync(Review("oakfield", "2026-27")), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await ep.GetAsync($"/api/pupils/{pupil}/record"), HttpStatusCode.NotFound);
        var programmes = (await p.Http.GetFromJsonAsync<JsonArray>("/api/schools/oakfield/programmes"))!;
        var oakInstance = (string)Assert.Single(programmes)!["instanceId"]!;
        Assert.Equal(HttpStatusCode.OK, (await ep.GetAsync($"/api/instances/{oakInstance}")).StatusCode);
        var brookProgrammes = (await p.Http.GetFromJsonAsync<JsonArray>("/api/schools/brookside/programmes"))!;
        var brookInstance = (string)Assert.Single(brookProgrammes)!["instanceId"]!;
        await Pathway.ProblemAsync(await ep.GetAsync($"/api/instances/{brookInstance}"), HttpStatusCode.NotFound);
        // In the borough's view the EP finds their own school only; an EP or officer of another borough gets nothing of it.
        var mine = (await ep.GetFromJsonAsync<JsonObject>($"{Borough}/self-reviews"))!;
        Assert.Equal(["oakfield"], mine["schools"]!.AsArray().Select(s => (string)s!["schoolId"]!));
        var all = (await la.GetFromJsonAsync<JsonObject>($"{Borough}/self-reviews"))!;
        Assert.Equal(["brookside", "oakfield"], all["schools"]!.AsArray().Select(s => (string)s!["schoolId"]!).Order());
        await Pathway.ProblemAsync(await northEp.GetAsync($"{Borough}/self-reviews"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await northLa.GetAsync($"{Borough}/self-reviews"), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await northLa.GetAsync(Review("oakfield", "2026-27")), HttpStatusCode.NotFound);
        // The EP may not assign EPs, nor record the school's levels; a SENCo may not record the EP's meeting.
        await Pathway.ProblemAsync(await ep.PutAsJsonAsync($"{Borough}/schools/oakfield/educational-psychologist", new { userId = epId }),
            HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await ep.PutAsJsonAsync(Review("oakfield", "2026-27"), new { discussion = new List<string> { "achievement" } }),
            HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await oakSenco.PutAsJsonAsync($"{Review("oakfield", "2026-27")}/meeting", new { }), HttpStatusCode.Forbidden);
        // A school sees its own self-review only; a class teacher not at all.
        await Pathway.ProblemAsync(await brookSenco.GetAsync(Review("oakfield", "2026-27")), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await brookSenco.PutAsJsonAsync(Review("oakfield", "2026-27"), new { }), HttpStatusCode.NotFound);
        await Pathway.ProblemAsync(await teacher.GetAsync(Review("oakfield", "2026-27")), HttpStatusCode.Forbidden);
        await Pathway.ProblemAsync(await oakSenco.GetAsync($"{Borough}/self-reviews"), HttpStatusCode.Forbidden);
        // Taking the EP off the school takes the school's self-review from them.
        Assert.Equal(HttpStatusCode.NoContent, (await la.DeleteAsync($"{Borough}/schools/oakfield/educational-psychologist")).StatusCode);
        await Pathway.ProblemAsync(await ep.GetAsync(Review("oakfield", "2026-27")), HttpStatusCode.NotFound);
        Assert.Empty(await InboxAsync(ep));
    }
}
