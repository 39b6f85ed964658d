using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Statutory;

/// <summary>
/// The statutory clock as an LA officer watches it. The request reaches the LA on Monday 12 October 2026 (week 1 is
/// 12 to 18 October); the final plan is due 20 weeks later, on 1 March 2027.
/// </summary>
public class StatutoryTimelineTests : ProviderSuite
{
    private const string Request = "2026-10-12";

    private static async Task<string> AssessmentAsync(Pathway p)
    {
        var pathway = (string)(await p.StartPupilAsync())["id"]!;
        await p.RaiseAsync(pathway, "assessment.requested", new { by = "parent", requestedOn = Request });
        return (string)(await p.ChildAsync(pathway, "ehcp-assessment"))["id"]!;
    }

    /// <summary>Decides to assess on the given day, then drafts and issues the plan on the given days.</summary>
    private static async Task WalkToPlanAsync(Pathway p, string assessment, string decided, string drafted, string issued)
    {
        var today = (string)(await p.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!["today"]!;
        if (string.CompareOrdinal(decided, today) > 0) await p.AdvanceToAsync(decided);
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = true, decidedOn = decided, decidedBy = "A. Officer" });
        await p.AdvanceToAsync(drafted);
        await p.RaiseAsync(assessment, "plan.decided", new { issue = true, decidedOn = drafted, decidedBy = "SEN panel" });
        await p.AdvanceToAsync(issued);
        Assert.Equal("consultation", (string?)(await p.InstanceAsync(assessment))["state"]);
        await p.RaiseAsync(assessment, "plan.issued", new { issuedOn = issued, issuedBy = "A. Officer" });
    }

    private static async Task<JsonObject> ComplianceAsync(Pathway p, string from = "2026-09-01", string to = "2027-08-31") =>
        (await p.Http.GetFromJsonAsync<JsonObject>($"/api/boroughs/demo-borough/compliance?from={from}&to={to}"))!;

    private static string Messages(JsonObject problem) =>
        string.Join(" | ", problem["errors"]!.AsArray().Select(e => (string?)e!["message"]));

    private static void AssertMeasure(JsonObject compliance, string measure, int total, int within, int totalExcluding, int withinExcluding)
    {
        var m = compliance[measure]!;
        Assert.Equal(total, (int)m["total"]!);
        Assert.Equal(within, (int)m["withinLimit"]!);
        Assert.Equal(totalExcluding, (int)m["totalExcludingExceptions"]!);
        Assert.Equal(withinExcluding, (int)m["withinLimitExcludingExceptions"]!);
    }

    [Fact]
    public async Task DecidedInWeek5_AndPlanIssuedInWeek19_IsOnTime()
    {
        await using var p = await StartAsync(Request);
        var assessment = await AssessmentAsync(p);
        await p.AdvanceToAsync("2026-11-12");

        var open = Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!)!;
        Assert.Equal(Request, (string?)open["requestedOn"]);
        Assert.Equal(4, (int)open["weeksElapsed"]!);
        Assert.Equal("decision-deadline", (string?)open["nextDeadline"]!["timer"]);
        Assert.Equal("2026-11-23", (string?)open["nextDeadline"]!["dueOn"]);
        Assert.Empty(open["limitsPassed"]!.AsArray());

        await WalkToPlanAsync(p, assessment, decided: "2026-11-12", drafted: "2027-01-25", issued: "2027-02-17");

        Assert.Empty((await p.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!);
        var compliance = await ComplianceAsync(p);
        Assert.Equal(1, (int)compliance["requestsReceived"]!);
        AssertMeasure(compliance, "decisionsToAssess", 1, 1, 1, 1);
        AssertMeasure(compliance, "newPlans", 1, 1, 1, 1);
        Assert.Equal(100.0, (double)compliance["newPlans"]!["percent"]!);
    }

    [Fact]
    public async Task PlanIssuedInWeek23_IsLate_AndLateExcludingExceptionsToo()
    {
        await using var p = await StartAsync(Request);
        var assessment = await AssessmentAsync(p);
        await WalkToPlanAsync(p, assessment, decided: "2026-11-12", drafted: "2027-02-15", issued: "2027-03-17");

        var compliance = await ComplianceAsync(p);
        AssertMeasure(compliance, "newPlans", 1, 0, 1, 0);
        AssertMeasure(compliance, "decisionsToAssess", 1, 1, 1, 1);
        var fired = (await p.JournalAsync(assessment)).Where(j => (string?)j!["kind"] == "timer-fired").Select(j => (string)j!["detail"]!).ToList();
        Assert.True(fired.Count(d => d.Contains("'final-plan-deadline' fell due on 1 March 2027")) == 1, string.Join("\n", fired));
    }

    [Fact]
    public async Task PlanIssuedInWeek23_WithARecordedFamilyAbsence_IsLateIncludingExceptions_AndNotCountedExcludingThem()
    {
        await using var p = await StartAsync(Request);
        var assessment = await AssessmentAsync(p);
        await p.AdvanceToAsync("2027-01-25");
        var recorded = await p.Http.PostAsJsonAsync($"/api/instances/{assessment}/exceptions", new
        {
            kind = "family-absent", startsOn = "2026-12-14", endsOn = "2027-01-24",
            note = "The family were abroad for six weeks.", recordedBy = "A. Officer",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        await WalkToPlanAsync(p, assessment, decided: "2027-01-25", drafted: "2027-02-15", issued: "2027-03-17");

        var compliance = await ComplianceAsync(p);
        AssertMeasure(compliance, "newPlans", 1, 0, 0, 0);
        Assert.Equal(1, (int)compliance["casesWithExceptions"]!);
        // Decided in week 16: late with the exception counted, and not counted without it.
        AssertMeasure(compliance, "decisionsToAssess", 1, 0, 0, 0);
        Assert.Contains(await p.JournalAsync(assessment), j => (string?)j!["kind"] == "exception-recorded");

        var csv = (await p.Http.GetStringAsync("/api/compliance/sen2.csv?from=2026-09-01&to=2027-08-31"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var row = csv[1].Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("demo-borough", Cell("la_code"));
        Assert.Equal("1", Cell("ehcps_issued_incl_exceptions"));
        Assert.Equal("0", Cell("ehcps_issued_within_20_weeks_incl_exceptions"));
        Assert.Equal("0.0", Cell("ehcps_issued_within_20_weeks_incl_exceptions_pct"));
        Assert.Equal("0", Cell("ehcps_issued_excl_exceptions"));
        Assert.Equal("", Cell("ehcps_issued_within_20_weeks_excl_exceptions_pct"));
    }

    [Fact]
    public async Task AnExceptionWithAnUnknownKind_OverlappingDates_OrTooShort_IsRefused_AndNothingIsRecorded()
    {
        await using var p = await StartAsync(Request);
        var assessment = await AssessmentAsync(p);
        await p.AdvanceToAsync("2027-01-25");
        (await p.Http.PostAsJsonAsync($"/api/instances/{assessment}/exceptions", new
        {
            kind = "school-closed", startsOn = "2026-11-02", endsOn = "2026-12-04", recordedBy = "A. Officer",
        })).EnsureSuccessStatusCode();
        var journalBefore = (await p.JournalAsync(assessment)).Count;

        var unknown = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/instances/{assessment}/exceptions", new
        {
            kind = "snow", startsOn = "2027-01-04", endsOn = "2027-01-08", recordedBy = "A. Officer",
        }), HttpStatusCode.BadRequest);
        Assert.Contains("'snow' is not a kind of exception", Messages(unknown));

        var overlap = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/instances/{assessment}/exceptions", new
        {
            kind = "family-absent", startsOn = "2026-11-30", endsOn = "2027-01-08", recordedBy = "A. Officer",
        }), HttpStatusCode.BadRequest);
        Assert.Contains("overlap", Messages(overlap));

        var bad = await Pathway.ProblemAsync(await p.Http.PostAsJsonAsync($"/api/instances/{assessment}/exceptions", new
        {
            kind = "family-absent", startsOn = "2027-01-10", endsOn = "2027-01-04",
        }), HttpStatusCode.BadRequest);
        var errors = Messages(bad);
        Assert.Contains("ends (4 January 2027) before it starts (10 January 2027)", errors);
        Assert.Contains("recordedBy", errors);
        Assert.Contains("4 or more continuous weeks", errors);

        var missing = await p.Http.PostAsJsonAsync($"/api/instances/{Guid.NewGuid()}/exceptions", new
        {
            kind = "family-absent", startsOn = "2026-12-01", endsOn = "2027-01-08", recordedBy = "A. Officer",
        });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>($"/api/instances/{assessment}/exceptions"))!);
        Assert.Equal(journalBefore, (await p.JournalAsync(assessment)).Count);
    }

    [Fact]
    public async Task ABoroughSettingA26WeekFinalPlan_IsWarnedAboutReg13_AndTheDeadlineFallsAt26Weeks()
    {
        await using var p = await StartAsync(Request);
        var before = await AssessmentAsync(p);

        var saved = await p.Http.PutAsJsonAsync("/api/boroughs/demo-borough/parameters", new
        {
            parameters = new Dictionary<string, object> { ["ehcp-assessment"] = new { finalPlanWeeks = 26 } },
            changedBy = "A. Officer", note = "Panel capacity this year",
        });
        var body = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (int)body["version"]!);
        var warning = Assert.Single(body["warnings"]!.AsArray())!;
        Assert.Contains("reg 13(2)", (string?)warning["message"]);
        Assert.Contains("26 weeks", (string?)warning["message"]);

        // A case started after the change is planned with it: 26 weeks from 12 October 2026 is 12 April 2027.
        var after = await AssessmentAsync(p);
        string FinalPlanDue(JsonObject i) => (string)i["pendingTimers"]!.AsArray()
            .Single(t => (string?)t!["timer"] == "final-plan-deadline")!["dueOn"]!;
        Assert.Equal("2027-04-12", FinalPlanDue(await p.InstanceAsync(after)));
        // A case started before keeps its deadline until the change is applied to running cases.
        Assert.Equal("2027-03-01", FinalPlanDue(await p.InstanceAsync(before)));

        var applied = (await (await p.Http.PostAsJsonAsync("/api/boroughs/demo-borough/parameters/apply", new { appliedBy = "A. Officer" }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((int)applied["instancesReplanned"]! >= 1);
        Assert.Equal("2027-04-12", FinalPlanDue(await p.InstanceAsync(before)));
        var replanned = Assert.Single(await p.JournalAsync(before), j => (string?)j!["kind"] == "replanned")!;
        Assert.True(((string?)replanned["detail"])!.Contains("from 1 March 2027 to 12 April 2027"), (string?)replanned["detail"]);
        Assert.Equal("A. Officer", (string?)replanned["actor"]);

        // Compliance is still measured against the law's 20 weeks.
        await WalkToPlanAsync(p, after, decided: "2026-11-12", drafted: "2027-02-15", issued: "2027-03-17");
        AssertMeasure(await ComplianceAsync(p), "newPlans", 1, 0, 1, 0);

        var history = (await p.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/parameters/history"))!;
        var v1 = Assert.Single(history)!;
        Assert.Equal("A. Officer", (string?)v1["changedBy"]);
        Assert.Contains("ehcp-assessment.finalPlanWeeks set to 26", (string?)v1["changes"]);
    }

    [Fact]
    public async Task AParameterSetWithAnUnknownName_AnUnknownDefinition_OrANegativeDuration_IsRefused_AndNothingChanges()
    {
        await using var p = await StartAsync(Request);
        (await p.Http.PutAsJsonAsync("/api/boroughs/demo-borough/parameters", new
        {
            parameters = new Dictionary<string, object> { ["ehcp-assessment"] = new { statutoryWarningDays = 10 } },
            changedBy = "A. Officer",
        })).EnsureSuccessStatusCode();

        var refused = await Pathway.ProblemAsync(await p.Http.PutAsJsonAsync("/api/boroughs/demo-borough/parameters", new
        {
            parameters = new Dictionary<string, object>
            {
                ["ehcp-assessment"] = new { finalPlanWeks = 20, decisionToAssessWeeks = -1 },
                ["no-such-workflow"] = new { x = 1 },
            },
            changedBy = "A. Officer",
        }), HttpStatusCode.BadRequest);
        var errors = Messages(refused);
        Assert.Contains("has no parameter 'finalPlanWeks'", errors);
        Assert.Contains("must be zero or more weeks, not -1", errors);
        Assert.Contains("no published definition 'no-such-workflow'", errors);

        var current = (await p.Http.GetFromJsonAsync<JsonObject>("/api/boroughs/demo-borough/parameters"))!;
        Assert.Equal(1, (int)current["version"]!);
        Assert.Equal(10, (double)current["parameters"]!["ehcp-assessment"]!["statutoryWarningDays"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Http.GetAsync("/api/boroughs/nowhere/parameters")).StatusCode);
    }

    [Fact]
    public async Task AnAnnualReviewDecisionInWeek5AfterTheMeeting_IsLate_AndTheNextReviewCountsFromTheMeeting()
    {
        await using var p = await StartAsync(Request);
        var pathway = await p.PupilAtAsync("ehcp");
        var review = (string)(await p.ChildAsync(pathway, "ehcp-annual-review"))["id"]!;
        var hold = (await p.InstanceAsync(review))["openTasks"]!.AsArray()
            .Single(t => ((string?)t!["title"])!.StartsWith("Hold the annual review", StringComparison.Ordinal))!;
        Assert.Equal("2027-10-12", (string?)hold["dueOn"]);

        await p.AdvanceToAsync("2027-09-20");
        await p.RaiseAsync(review, "review.meeting-held", new { heldOn = "2027-09-20" });
        var held = await p.InstanceAsync(review);
        Assert.Equal("review-held", (string?)held["state"]);
        var tasks = held["openTasks"]!.AsArray();
        Assert.Equal("2027-10-04",
            (string?)tasks.Single(t => ((string?)t!["title"])!.StartsWith("Send the review report", StringComparison.Ordinal))!["dueOn"]);
        Assert.Equal("2027-10-18",
            (string?)tasks.Single(t => ((string?)t!["title"])!.StartsWith("Decide whether to maintain", StringComparison.Ordinal))!["dueOn"]);

        await p.AdvanceToAsync("2027-10-21");
        Assert.Contains(await p.JournalAsync(review), j => (string?)j!["kind"] == "task-overdue");
        var maintained = await p.RaiseAsync(review, "review.decided",
            new { decision = "maintain", decidedOn = "2027-10-21", decidedBy = "SEN panel" });
        Assert.Equal("plan-in-place", (string?)maintained["to"]);

        var next = (await p.InstanceAsync(review))["openTasks"]!.AsArray()
            .Single(t => ((string?)t!["title"])!.StartsWith("Hold the annual review", StringComparison.Ordinal))!;
        Assert.Equal("2028-09-20", (string?)next["dueOn"]);
        var compliance = await ComplianceAsync(p, "2027-09-01", "2028-08-31");
        AssertMeasure(compliance, "annualReviewDecisions", 1, 0, 1, 0);
        Assert.Equal("4 weeks", (string?)compliance["annualReviewDecisions"]!["limit"]);
    }

    [Fact]
    public async Task APupilInYear6_HasAPlanThatMustNameTheSecondarySchoolBy15February()
    {
        await using var p = await StartAsync(Request);
        var year6 = await p.PupilAtAsync("ehcp", yearGroup: 6);
        var year5 = await p.PupilAtAsync("ehcp", yearGroup: 5);

        var tasks = (await p.ChildAsync(year6, "ehcp-annual-review"))["openTasks"]!.AsArray();
        var transfer = Assert.Single(tasks, t => ((string?)t!["title"])!.Contains("name the school for the next phase"))!;
        Assert.Equal("2027-02-15", (string?)transfer["dueOn"]);
        Assert.Equal("la-officer", (string?)transfer["role"]);
        Assert.DoesNotContain((await p.ChildAsync(year5, "ehcp-annual-review"))["openTasks"]!.AsArray(),
            t => ((string?)t!["title"])!.Contains("name the"));
    }

    [Fact]
    public async Task ARequestRecordedAWeekLate_CountsFromTheDayTheLaReceivedIt()
    {
        await using var p = await StartAsync("2026-10-19");
        var pathway = (string)(await p.StartPupilAsync())["id"]!;
        var future = await p.Http.PostAsJsonAsync($"/api/instances/{pathway}/events",
            new { name = "assessment.requested", data = new { by = "school", requestedOn = "2026-10-20" } });
        await Pathway.ProblemAsync(future, HttpStatusCode.UnprocessableEntity);
        Assert.Single(await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{(string)(await p.InstanceAsync(pathway))["pupilId"]!}/instances")
            ?? []);

        await p.RaiseAsync(pathway, "assessment.requested", new { by = "parent", requestedOn = Request });
        var assessment = await p.ChildAsync(pathway, "ehcp-assessment");
        var timers = assessment["pendingTimers"]!.AsArray();
        Assert.Equal("2026-11-23", (string?)timers.Single(t => (string?)t!["timer"] == "decision-deadline")!["dueOn"]);
        Assert.Equal("2027-03-01", (string?)timers.Single(t => (string?)t!["timer"] == "final-plan-deadline")!["dueOn"]);
        Assert.Contains(await p.JournalAsync((string)assessment["id"]!), j => ((string?)j!["detail"])!.Contains("counting from 12 October 2026"));
    }

    [Fact]
    public async Task TheNoticeOfNotIssuingAPlan_IsTheNextDeadlineInWeek16_AndALimitPassedAfterIt()
    {
        await using var p = await StartAsync(Request);
        var assessment = await AssessmentAsync(p);
        await p.AdvanceToAsync("2026-11-12");
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = true, decidedOn = "2026-11-12", decidedBy = "A. Officer" });

        // Week 15: the notice of not issuing (16 weeks, 1 February 2027) falls before the final plan (20 weeks, 1 March).
        await p.AdvanceToAsync("2027-01-25");
        var open = Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!)!;
        Assert.Equal(("no-plan-notice-deadline", "2027-02-01"), ((string?)open["nextDeadline"]!["timer"], (string?)open["nextDeadline"]!["dueOn"]));
        Assert.Contains("reg 10(1)", (string?)open["nextDeadline"]!["description"]);
        Assert.Empty(open["limitsPassed"]!.AsArray());

        // Week 17 without a decision: the limit has passed, the timer fired, and the final plan is next.
        await p.AdvanceToAsync("2027-02-03");
        open = Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!)!;
        Assert.Equal(["notice of not issuing a plan, due 1 February 2027"], open["limitsPassed"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("final-plan-deadline", (string?)open["nextDeadline"]!["timer"]);
        Assert.Contains(await p.JournalAsync(assessment), j => (string?)j!["kind"] == "timer-fired"
            && ((string)j["detail"]!).Contains("no-plan-notice-deadline", StringComparison.Ordinal));

        // Deciding to issue the plan answers the notice's limit: only the final plan's remains.
        await p.RaiseAsync(assessment, "plan.decided", new { issue = true, decidedOn = "2027-02-03", decidedBy = "SEN panel" });
        open = Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!)!;
        Assert.Empty(open["limitsPassed"]!.AsArray());
    }

    [Fact]
    public async Task AnAmendDecisionRecordedAWeekLate_CountsTheAmendedPlansEightWeeksFromTheDecision()
    {
        await using var p = await StartAsync(Request);
        var pathway = await p.PupilAtAsync("ehcp");
        var review = (string)(await p.ChildAsync(pathway, "ehcp-annual-review"))["id"]!;
        await p.AdvanceToAsync("2027-12-01");
        await p.RaiseAsync(review, "review.meeting-held", new { heldOn = "2027-12-01" });

        // Decided (and the proposals sent) on 8 December, recorded on 15 December.
        await p.AdvanceToAsync("2027-12-15");
        var amended = await p.RaiseAsync(review, "review.decided", new { decision = "amend", decidedOn = "2027-12-08", decidedBy = "SEN panel" });
        Assert.Equal("amending", (string?)amended["to"]);

        var instance = await p.InstanceAsync(review);
        Assert.Equal("2028-02-02", (string?)instance["pendingTimers"]!.AsArray()
            .Single(t => (string?)t!["timer"] == "amended-plan-deadline")!["dueOn"]);
        Assert.Equal("2028-02-02", (string?)instance["openTasks"]!.AsArray()
            .Single(t => ((string?)t!["title"])!.StartsWith("Issue the final amended plan", StringComparison.Ordinal))!["dueOn"]);
    }

    [Fact]
    public async Task ADraftPlanDecisionRecordedAWeekLate_CountsTheCommentPeriodFromTheDecision()
    {
        await using var p = await StartAsync(Request);
        var assessment = await AssessmentAsync(p);
        await p.AdvanceToAsync("2026-11-12");
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = true, decidedOn = "2026-11-12", decidedBy = "A. Officer" });
        await p.AdvanceToAsync("2027-01-25");
        await p.RaiseAsync(assessment, "plan.decided", new { issue = true, decidedOn = "2027-01-18", decidedBy = "SEN panel" });

        var timers = (await p.InstanceAsync(assessment))["pendingTimers"]!.AsArray();
        Assert.Equal("2027-02-02", (string?)timers.Single(t => (string?)t!["timer"] == "comment-period")!["dueOn"]);
    }

    [Fact]
    public async Task AYear6PupilsTransferDeadline_SurvivesAJanuaryReview_AndIsNotHandedOutAgainOnceDone()
    {
        await using var p = await StartAsync(Request);
        var pathway = await p.PupilAtAsync("ehcp", yearGroup: 6);
        var review = (string)(await p.ChildAsync(pathway, "ehcp-annual-review"))["id"]!;
        async Task<List<JsonNode>> TransferAsync(string status) =>
            (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={review}&status={status}"))!
                .Where(t => ((string?)t!["title"])!.Contains("name the school for the next phase", StringComparison.Ordinal))
                .Select(t => t!).ToList();

        // The review meeting in January and the decision to maintain the plan leave the 15 February deadline as it was.
        await p.AdvanceToAsync("2027-01-18");
        await p.RaiseAsync(review, "review.meeting-held", new { heldOn = "2027-01-18" });
        Assert.Equal(["2027-02-15"], (await TransferAsync("open")).Select(t => (string)t["dueOn"]!));
        await p.AdvanceToAsync("2027-01-25");
        await p.RaiseAsync(review, "review.decided", new { decision = "maintain", decidedOn = "2027-01-25", decidedBy = "SEN panel" });
        var open = Assert.Single(await TransferAsync("open"));
        Assert.Equal("2027-02-15", (string?)open["dueOn"]);
        Assert.Empty(await TransferAsync("cancelled"));

        // Done on 10 February; another review cycle in March does not hand it out again for the next February.
        await p.AdvanceToAsync("2027-02-10");
        (await p.Http.PostAsJsonAsync($"/api/tasks/{open["id"]}/complete", new { notes = "Plan names Oakfield High." })).EnsureSuccessStatusCode();
        await p.AdvanceToAsync("2027-03-01");
        await p.RaiseAsync(review, "review.meeting-held", new { heldOn = "2027-03-01" });
        await p.RaiseAsync(review, "review.decided", new { decision = "maintain", decidedOn = "2027-03-01", decidedBy = "SEN panel" });
        Assert.Empty(await TransferAsync("open"));
        Assert.Single(await TransferAsync("completed"));
    }

    [Fact]
    public async Task APupilMovingIntoYear6On1September_GetsTheTransferDeadline_AndMovesUpOnce()
    {
        await using var p = await StartAsync(Request);
        var pathway = await p.PupilAtAsync("ehcp", yearGroup: 5);
        var pupil = (string)(await p.InstanceAsync(pathway))["pupilId"]!;
        var review = (string)(await p.ChildAsync(pathway, "ehcp-annual-review"))["id"]!;
        async Task<List<string>> TransferDueAsync() =>
            (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={review}&status=open"))!
                .Where(t => ((string?)t!["title"])!.Contains("name the school for the next phase", StringComparison.Ordinal))
                .Select(t => (string)t!["dueOn"]!).ToList();
        Assert.Empty(await TransferDueAsync());

        await p.AdvanceToAsync("2027-09-02");
        Assert.Equal(6, (int)(await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupil}"))!["yearGroup"]!);
        Assert.Equal(["2028-02-15"], await TransferDueAsync());
        Assert.Contains(await p.JournalAsync(review), j => (string?)j!["detail"] == "A new school year (2027-28): now in Year 6.");
        Assert.Contains(await p.JournalAsync(pathway), j => (string?)j!["detail"] == "A new school year (2027-28): now in Year 6.");

        // Later rounds of the same year move no one again and hand out nothing twice.
        await p.AdvanceToAsync("2027-09-27");
        Assert.Equal(6, (int)(await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupil}"))!["yearGroup"]!);
        Assert.Equal(["2028-02-15"], await TransferDueAsync());
    }

    private static async Task<List<(string Title, string DueOn)>> TransferTasksAsync(Pathway p, string pathway)
    {
        var review = (string)(await p.ChildAsync(pathway, "ehcp-annual-review"))["id"]!;
        return (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={review}&status=open"))!
            .Where(t => ((string?)t!["title"])!.Contains("(reg 18)", StringComparison.Ordinal))
            .Select(t => ((string)t!["title"]!, (string)t["dueOn"]!)).ToList();
    }

    [Theory]
    [InlineData("infant", 2, "next phase", "2027-02-15")]
    [InlineData("first", 4, "next phase", "2027-02-15")]
    [InlineData("middle", 8, "next phase", "2027-02-15")]
    [InlineData("nursery", -1, "next phase", "2027-02-15")]
    [InlineData("secondary", 11, "post-16", "2027-03-31")]
    [InlineData("post-16", 13, "post-16", "2027-03-31")]
    public async Task ASchoolsPhase_SetsTheYearOfTransfer_AndItsDeadline(string phase, int yearGroup, string named, string due)
    {
        await using var p = await StartAsync(Request);
        (await p.Http.PutAsJsonAsync("/api/schools/oakfield", new { phase })).EnsureSuccessStatusCode();
        var moving = await p.PupilAtAsync("ehcp", yearGroup: yearGroup);
        var staying = await p.PupilAtAsync("ehcp", yearGroup: 6);

        var (title, dueOn) = Assert.Single(await TransferTasksAsync(p, moving));
        Assert.Contains(named, title, StringComparison.Ordinal);
        Assert.Equal(due, dueOn);
        // In this school Year 6 is no year of transfer.
        Assert.Empty(await TransferTasksAsync(p, staying));
    }

    [Fact]
    public async Task AnInfantSchoolsYear2_GetsTheDeadlineWhenThePhaseIsRecorded_AndAnUnknownPhaseIsRefused()
    {
        await using var p = await StartAsync(Request);
        var year2 = await p.PupilAtAsync("ehcp", yearGroup: 2);
        var year6 = await p.PupilAtAsync("ehcp", yearGroup: 6);
        // No phase recorded: Year 6 moves on (primary), Year 2 does not.
        Assert.Empty(await TransferTasksAsync(p, year2));
        Assert.Single(await TransferTasksAsync(p, year6));

        var refused = await p.Http.PutAsJsonAsync("/api/schools/oakfield", new { phase = "lower", name = " " });
        var problem = await Pathway.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(["name", "phase"], problem["errors"]!.AsArray().Select(e => (string)e!["field"]!).Order().ToArray());
        Assert.Null((string?)(await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield"))!["phase"]);
        var teacher = await p.StaffAsync("teacher", "senco");
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutAsJsonAsync("/api/schools/oakfield", new { phase = "infant" })).StatusCode);

        // Recorded as an infant school: Year 2 gets its 15 February deadline at once, journaled; Year 6's stays as it was.
        (await p.Http.PutAsJsonAsync("/api/schools/oakfield", new { phase = "infant" })).EnsureSuccessStatusCode();
        Assert.Equal("infant", (string?)(await p.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield"))!["phase"]);
        var (_, due) = Assert.Single(await TransferTasksAsync(p, year2));
        Assert.Equal("2027-02-15", due);
        var review = (string)(await p.ChildAsync(year2, "ehcp-annual-review"))["id"]!;
        Assert.Contains(await p.JournalAsync(review),
            j => ((string?)j!["detail"])!.Contains("The school's phase is now infant", StringComparison.Ordinal));
        Assert.Single(await TransferTasksAsync(p, year6));
    }

    [Fact]
    public async Task AReassessment_RunsOnTheSameClock_WithItsOwn14WeekLimit_WhileThePlanAndItsReviewGoOn()
    {
        await using var p = await StartAsync(Request);
        var pathway = await p.PupilAtAsync("ehcp");
        var review = (string)(await p.ChildAsync(pathway, "ehcp-annual-review"))["id"]!;
        await p.AdvanceToAsync("2026-11-02");

        // Received on 26 October, recorded a week later: the 14 weeks count from the 26th (1 February 2027).
        var moved = await p.RaiseAsync(pathway, "reassessment.requested", new { by = "parent", requestedOn = "2026-10-26" });
        Assert.Equal("re-assessment", (string?)moved["to"]);
        var reassessment = await p.ChildAsync(pathway, "ehcp-reassessment");
        var id = (string)reassessment["id"]!;
        var open = (await p.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!
            .Single(a => (string?)a!["instanceId"] == id)!;
        Assert.True((bool)open["reassessment"]!);
        var timers = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["pendingTimers"]!.AsArray();
        Assert.Contains(timers, t => (string?)t!["timer"] == "final-plan-deadline" && (string?)t["dueOn"] == "2027-02-01");
        Assert.DoesNotContain(timers, t => (string?)t!["timer"] == "no-plan-notice-deadline");

        // Decided to re-assess, then to amend the plan: the draft goes out in January.
        await p.AdvanceToAsync("2026-11-20");
        await p.RaiseAsync(id, "assessment.decided", new { assess = true, decidedOn = "2026-11-20", decidedBy = "A. Officer" });
        await p.AdvanceToAsync("2027-01-04");
        await p.RaiseAsync(id, "plan.decided", new { issue = true, decidedOn = "2027-01-04", decidedBy = "SEN panel" });

        // Week 15 without the final plan: the re-assessment's own limit has passed; the plan's annual review still runs.
        await p.AdvanceToAsync("2027-02-03");
        open = (await p.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!.Single(a => (string?)a!["instanceId"] == id)!;
        Assert.Contains("final plan, due 1 February 2027", open["limitsPassed"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("active", (string?)(await p.InstanceAsync(review))["status"]);

        // The new plan issued: back to the plan in place, the same annual review going on, and the family's window to appeal.
        Assert.Equal("consultation", (string?)(await p.InstanceAsync(id))["state"]);
        await p.RaiseAsync(id, "plan.issued", new { issuedOn = "2027-02-03", issuedBy = "A. Officer" });
        Assert.Equal("ehcp", (string?)(await p.InstanceAsync(pathway))["state"]);
        Assert.Equal(review, (string)(await p.ChildAsync(pathway, "ehcp-annual-review"))["id"]!);
        var window = Assert.Single((await p.Http.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/appeals"))!)!;
        Assert.Equal(("final-plan", "2027-04-03"), ((string?)window["decision"], (string?)window["appealBy"]));
    }
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class StatutoryTimelineTestsOnPostgres : StatutoryTimelineTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
