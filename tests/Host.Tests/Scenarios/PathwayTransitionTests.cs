using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>Every transition of the six-stage pathway, through the real host on a real SQLite file (and on PostgreSQL, below).</summary>
public class PathwayTransitionTests : ProviderSuite
{
    private static string Id(JsonObject o) => (string)o["id"]!;

    [Fact]
    public async Task Stage1_LittleProgressAfterSixSchoolWeeks_MovesToInitialConcern()
    {
        await using var p = await StartAsync("2026-10-12");
        var instance = await p.StartPupilAsync();
        Assert.Equal("cause-of-concern", (string?)instance["state"]);
        Assert.Equal(1, (int?)instance["stage"]);
        Assert.Equal(1, (int?)instance["version"]);
        var timer = Assert.Single(instance["pendingTimers"]!.AsArray());
        Assert.Equal("timeframe-review", (string?)timer!["timer"]);
        Assert.Equal("2026-11-30", (string?)timer["dueOn"]);

        await p.AdvanceToAsync("2026-11-30");
        var outcome = await p.ReviewAsync(Id(instance), "little");

        Assert.True((bool)outcome["transitioned"]!);
        Assert.Equal("initial-concern", (string?)outcome["to"]);
        Assert.Equal("NoOrLittleProgressAfterEarlyIntervention", (string?)outcome["rule"]);
        var after = await p.InstanceAsync(Id(instance));
        Assert.Equal(2, (int?)after["stage"]);
        Assert.Equal("escalation", (string?)after["enteredBy"]);
        var titles = after["openTasks"]!.AsArray().Select(t => (string)t!["title"]!).ToList();
        Assert.Contains("Complete the initial concern template in a meeting with parents", titles);
        Assert.DoesNotContain("Start early intervention", titles);
        var template = after["openTasks"]!.AsArray()
            .Single(t => (string?)t!["title"] == "Complete the initial concern template in a meeting with parents");
        Assert.Equal("2026-12-14", (string?)template!["dueOn"]);
        var timers = after["pendingTimers"]!.AsArray().Select(t => (string)t!["timer"]!).Order().ToList();
        Assert.Equal(["parent-review", "progress-review"], timers);

        var journal = await p.JournalAsync(Id(instance));
        var transition = journal.Single(j => (string?)j!["kind"] == "transition")!;
        Assert.Equal("stage1-no-progress", (string?)transition["data"]!["transition"]);
        Assert.Equal(6.0, (double)transition["data"]!["facts"]!["schoolWeeksInStage"]!);
        // Why, in the chronology: the rule NRules fired and the values that mattered.
        Assert.Equal("Moved from Cause of concern to Initial concern: No or little progress after 6 school weeks "
            + "(rule NoOrLittleProgressAfterEarlyIntervention matched SchoolWeeksInStage = 6 (needs >= 6), LastProgress = little).",
            (string?)transition["detail"]);
        Assert.Contains(journal, j => (string?)j!["kind"] == "tasks-cancelled");
        // The review timer fell due on 30 November as the clock reached it, before the review was recorded.
        Assert.Contains(journal, j => (string?)j!["kind"] == "timer-fired");
    }

    [Fact]
    public async Task Stage1_ReviewBeforeTheTimeframe_EscalatesNothing()
    {
        await using var p = await StartAsync("2026-10-12");
        var instance = await p.StartPupilAsync();
        await p.AdvanceToAsync("2026-11-27");

        var outcome = await p.ReviewAsync(Id(instance), "none");

        Assert.False((bool)outcome["transitioned"]!);
        Assert.Equal("cause-of-concern", (string?)outcome["to"]);
        var journal = await p.JournalAsync(Id(instance));
        var stayed = journal.Last(j => (string?)j!["kind"] == "stayed")!;
        Assert.Equal(29, (int)stayed["data"]!["facts"]!["schoolDaysInStage"]!);
        Assert.Equal(1, (int)stayed["data"]!["facts"]!["reviewsWithoutProgress"]!);
    }

    [Fact]
    public async Task Stage1_ExpectedProgress_Stays()
    {
        await using var p = await StartAsync("2026-10-12");
        var instance = await p.StartPupilAsync();
        await p.AdvanceToAsync("2026-12-01");
        var outcome = await p.ReviewAsync(Id(instance), "expected");
        Assert.False((bool)outcome["transitioned"]!);
    }

    [Fact]
    public async Task Stage1_GoodProgress_ClosesThePathway()
    {
        await using var p = await StartAsync("2026-10-12");
        var instance = await p.StartPupilAsync();
        var outcome = await p.ReviewAsync(Id(instance), "good");
        Assert.Equal("closed", (string?)outcome["to"]);
        Assert.Equal("closed", (string?)outcome["status"]);
        var after = await p.InstanceAsync(Id(instance));
        Assert.Empty(after["openTasks"]!.AsArray());
        Assert.Empty(after["pendingTimers"]!.AsArray());
    }

    [Fact]
    public async Task Stage2_NoProgressAfterATerm_MovesToSenSupport_ButNotBefore()
    {
        await using var p = await StartAsync("2026-10-12");
        var instance = await p.StartPupilAsync();
        await p.AdvanceToAsync("2026-11-30");
        await p.ReviewAsync(Id(instance), "little");
        // Entered stage 2 on 30 November, school day 59 of the autumn term; the spring term has only 54, so a
        // term later is its last day, 26 March 2027.
        await p.AdvanceToAsync("2027-03-25");
        var early = await p.ReviewAsync(Id(instance), "none");
        Assert.False((bool)early["transitioned"]!);

        await p.AdvanceToAsync("2027-03-26");
        var outcome = await p.ReviewAsync(Id(instance), "none");
        Assert.Equal("sen-support", (string?)outcome["to"]);
        Assert.Equal("NoOrLittleProgressAfterInitialConcern", (string?)outcome["rule"]);
    }

    [Fact]
    public async Task Stage2_GoodProgress_StepsDownToCauseOfConcern()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("initial-concern");
        var outcome = await p.ReviewAsync(id, "good");
        Assert.Equal("cause-of-concern", (string?)outcome["to"]);
        Assert.Equal("step-down", (string?)(await p.InstanceAsync(id))["enteredBy"]);
    }

    [Fact]
    public async Task Stage3_NoProgressAfterTwoTerms_MovesToAgencies()
    {
        await using var p = await StartAsync("2026-09-07");
        var id = await p.PupilAtAsync("sen-support");
        await p.AdvanceToAsync("2027-02-01");
        Assert.False((bool)(await p.ReviewAsync(id, "little"))["transitioned"]!);
        await p.AdvanceToAsync("2027-04-19");
        var outcome = await p.ReviewAsync(id, "little");
        Assert.Equal("sen-support-agencies", (string?)outcome["to"]);
        Assert.Equal(4, (int?)outcome["stage"]);
    }

    [Fact]
    public async Task Stage3_FurtherConcernsBeforeTwoTerms_MovesToAgencies()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("sen-support");
        await p.AdvanceDaysAsync(14);
        var outcome = await p.RaiseAsync(id, "concern.raised", new { concern = "Speech and language" });
        Assert.Equal("sen-support-agencies", (string?)outcome["to"]);
    }

    [Fact]
    public async Task Stage3_GoodProgress_StepsDownToInitialConcern()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("sen-support");
        Assert.Equal("initial-concern", (string?)(await p.ReviewAsync(id, "good"))["to"]);
    }

    [Fact]
    public async Task Stage4_GoodProgress_StepsDownToSenSupport_AndLittleProgressStays()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("sen-support-agencies");
        await p.AdvanceToAsync("2027-06-01");
        Assert.False((bool)(await p.ReviewAsync(id, "little"))["transitioned"]!);
        Assert.Equal("sen-support", (string?)(await p.ReviewAsync(id, "good"))["to"]);
    }

    [Theory]
    [InlineData("cause-of-concern", "parent")]
    [InlineData("initial-concern", "school")]
    [InlineData("sen-support", "parent")]
    [InlineData("sen-support-agencies", "school")]
    public async Task AssessmentRequested_FromAnyOpenStage_MovesToStatutoryAssessment(string stage, string by)
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync(stage);
        var outcome = await p.RaiseAsync(id, "assessment.requested", new { by, requestedOn = "2026-10-12" });
        Assert.Equal("statutory-assessment", (string?)outcome["to"]);
        var instance = await p.InstanceAsync(id);
        Assert.Equal(5, (int?)instance["stage"]);
        Assert.Equal("request", (string?)instance["enteredBy"]);
        var horizon = instance["pendingTimers"]!.AsArray().Single(t => (string?)t!["timer"] == "horizon-review")!;
        Assert.Equal("2027-04-12", (string?)horizon["dueOn"]);
    }

    [Fact]
    public async Task Stage5_LaDecidesNotToAssess_BackToAgencies_ButAssessingStays()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("statutory-assessment");
        Assert.False((bool)(await p.RaiseAsync(id, "assessment.decided", new { assess = true }))["transitioned"]!);
        var outcome = await p.RaiseAsync(id, "assessment.decided", new { assess = false });
        Assert.Equal("sen-support-agencies", (string?)outcome["to"]);
        Assert.Equal("LaDecidesNotToAssess", (string?)outcome["rule"]);
    }

    [Fact]
    public async Task Stage5_PlanRefused_BackToAgencies()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("statutory-assessment");
        Assert.Equal("sen-support-agencies", (string?)(await p.RaiseAsync(id, "plan.refused"))["to"]);
    }

    [Fact]
    public async Task Stage5_PlanIssued_MovesToEhcp_StartsTheAnnualReview_AndCeasingThePlanReturnsToSenSupport()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("statutory-assessment");
        Assert.Equal("ehcp", (string?)(await p.RaiseAsync(id, "plan.issued"))["to"]);
        Assert.Equal(6, (int?)(await p.InstanceAsync(id))["stage"]);

        var review = await p.ChildAsync(id, "ehcp-annual-review");
        Assert.Equal("plan-in-place", (string?)review["state"]);
        var deadline = review["pendingTimers"]!.AsArray().Single(t => (string?)t!["timer"] == "review-deadline")!;
        Assert.Equal("2027-10-12", (string?)deadline["dueOn"]);
        var reviewId = (string)review["id"]!;
        await p.RaiseAsync(reviewId, "review.meeting-held", new { heldOn = "2026-10-12" });
        var ceased = await p.RaiseAsync(reviewId, "review.decided", new { decision = "cease", decidedOn = "2026-10-12", decidedBy = "LA panel" });

        Assert.Equal("ceased", (string?)ceased["to"]);
        Assert.Equal("sen-support", (string?)(await p.InstanceAsync(id))["state"]);
    }
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class PathwayTransitionTestsOnPostgres : PathwayTransitionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
