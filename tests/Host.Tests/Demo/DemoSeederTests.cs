namespace SendWorkflow.Host.Tests.Demo;

/// <summary>The demo school seeded at first start: histories lived through the real engine, statutory work included.</summary>
public sealed class DemoSeederTests
{
    [Fact]
    public async Task TheDemo_HasPupilsWithPlans_WhoseAssessmentEndedAndWhoseAnnualReviewRuns()
    {
        await using var factory = new ServiceFactory("2026-11-23", demo: true);
        using var http = factory.CreateClient();

        // Every eighth demo pupil (demo-06, demo-14, ...) went all the way to an EHC plan.
        var instances = (await http.GetFromJsonAsync<JsonArray>("/api/pupils/demo-06/instances"))!;
        string? Field(string definition, string field) =>
            (string?)instances.Single(i => (string?)i!["definitionId"] == definition)![field];
        var assessmentId = (string?)instances.Single(i => (string?)i!["definitionId"] == "ehcp-assessment")!["id"];
        var journal = (await http.GetFromJsonAsync<JsonArray>($"/api/instances/{assessmentId}/journal"))!;
        Assert.True(Field("send-pathway", "state") == "ehcp", string.Join("\n", journal.Select(j => $"{j!["at"]} {j["kind"]}: {j["detail"]}")));
        Assert.Equal("plan-issued", Field("ehcp-assessment", "state"));
        Assert.Equal("closed", Field("ehcp-assessment", "status"));
        Assert.Equal("plan-in-place", Field("ehcp-annual-review", "state"));

        // Every eighth from demo-05 is being assessed.
        var assessed = (await http.GetFromJsonAsync<JsonArray>("/api/pupils/demo-05/instances"))!;
        Assert.Equal("statutory-assessment", (string?)assessed.Single(i => (string?)i!["definitionId"] == "send-pathway")!["state"]);
        Assert.NotEmpty((await http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/assessments"))!);

        var timelines = (await http.GetFromJsonAsync<JsonObject>("/api/boroughs/demo-borough/parameters"))!;
        Assert.Equal(1, (int)timelines["version"]!);
        Assert.Equal("definitions/boroughs", (string?)timelines["changedBy"]);
    }

    [Fact]
    public async Task TheDemoSchool_RunsItsMonitoringProgramme_WithSomeActivitiesDoneAndTheirActionsInThePlan()
    {
        await using var factory = new ServiceFactory("2026-11-23", demo: true);
        using var http = factory.CreateClient();

        // The monitoring schedule beside the borough's self-review (DemoSelfReview).
        var programme = Assert.Single((await http.GetFromJsonAsync<JsonArray>("/api/schools/oakfield-primary/programmes"))!,
            p => (string?)p!["definitionId"] == "senco-monitoring")!;
        var plan = (await http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield-primary/action-plan"))!;

        Assert.Equal(("senco-monitoring", "2026-27", "active"), ((string?)programme["definitionId"], (string?)programme["academicYear"],
            (string?)programme["status"]));
        // 27 of the schedule's activities, and the five fortnightly line-management meetings fallen due since September.
        Assert.Equal(32, (int)programme["openTasks"]!);
        Assert.Equal(3, plan["items"]!.AsArray().Count);
        Assert.All(plan["items"]!.AsArray(), i => Assert.Equal("monitoring", (string?)i!["source"]));
    }

    [Fact]
    public async Task TheDemoBorough_HasASecondSchool_ASecondary_WithPlansLateReviewsAnAuditAndThisYearsSelfReview()
    {
        await using var factory = new ServiceFactory("2026-11-23", demo: true);
        using var http = factory.CreateClient();

        var overview = (await http.GetFromJsonAsync<JsonObject>("/api/boroughs/demo-borough/overview"))!;
        var schools = overview["schools"]!.AsArray().ToDictionary(s => (string)s!["schoolId"]!, s => s!.AsObject());
        Assert.Equal(["oakfield-primary", "westbrook-academy"], schools.Keys.Order(StringComparer.Ordinal));
        var westbrook = schools["westbrook-academy"];
        Assert.Equal(("Westbrook Academy", "secondary"), ((string?)westbrook["name"], (string?)westbrook["phase"]));
        // Four EHC plans; two had an early review meeting this autumn whose report has not come: late.
        Assert.Equal((4, 2, 2), ((int)westbrook["plans"]!, (int)westbrook["annualReviewsDue"]!, (int)westbrook["annualReviewsLate"]!));
        // Last year's audit, held on 12 November 2025: the next is due two years on.
        Assert.Equal(("2025-11-12", "2027-11-12", false), ((string?)westbrook["lastAuditOn"], (string?)westbrook["nextAuditDueOn"],
            (bool)westbrook["auditOverdue"]!));
        // This year's self-review beside last year's: a level, and a change (the work plan's dimensions a point up).
        Assert.NotNull((double?)westbrook["selfReviewLevel"]);
        Assert.True((double?)westbrook["selfReviewChange"] > 0, westbrook.ToJsonString());
        Assert.NotNull((decimal?)westbrook["allocation"]);
        Assert.True((int)overview["headlines"]!["annualReviewsLate"]! >= 2);

        var late = (await http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/annual-reviews?status=late&schoolId=westbrook-academy"))!;
        Assert.Equal(2, late.Count);
        Assert.All(late, r => Assert.Equal("held", (string?)r!["status"]));
        var reviews = (await http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/annual-reviews?status=all&schoolId=westbrook-academy"))!;
        Assert.Contains(reviews, r => (bool)r!["lookedAfter"]! && ((JsonArray)r["notifiedFor"]!).Count >= 0);
        Assert.Contains(reviews, r => (int)r!["yearGroup"]! == 11);

        // The Year 11 pupil's plan must name the post-16 placement by 31 March (the school is a secondary).
        var year11 = (string)reviews.First(r => (int)r!["yearGroup"]! == 11)!["instanceId"]!;
        var tasks = (await http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={year11}"))!;
        Assert.Contains(tasks, t => ((string)t!["title"]!).StartsWith("Amend the plan to name the post-16 placement", StringComparison.Ordinal)
            && (string?)t["dueOn"] == "2027-03-31");
    }
}
