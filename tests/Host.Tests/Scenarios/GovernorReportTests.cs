namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The SEN governor's termly report through the API: pupils by stage and need and how they moved in the term, the
/// progress reviews found, reviews on time and overdue, the programme and the action plan, as JSON and as a PDF that
/// names no pupil; and bad input refused with every problem.
/// </summary>
public sealed class GovernorReportTests
{
    // Distinctive names, so that finding one in the report can only mean it leaked.
    private static readonly string[] Names = ["Zebedee Quillfeather", "Philippa Marchbanks", "Ottoline Vasquez", "Barnaby Fitzwilliam"];

    private static async Task<string> PupilAsync(Pathway p, string name, string need)
    {
        var id = $"gov-{Guid.NewGuid():N}"[..20];
        (await p.Http.PostAsJsonAsync("/api/pupils",
            new { id, name, dateOfBirth = "2018-05-01", schoolId = "oakfield", yearGroup = 3, primaryNeed = need })).EnsureSuccessStatusCode();
        var started = await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = id });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<JsonObject> ReportAsync(Pathway p, string term) =>
        (await p.Http.GetFromJsonAsync<JsonObject>($"/api/schools/oakfield/reports/governor?year=2026-27&term={term}"))!;

    private static Dictionary<int, (int Start, int End)> Stages(JsonObject report) =>
        report["pupilsByStage"]!.AsArray().ToDictionary(s => (int)s!["stage"]!, s => ((int)s!["atStart"]!, (int)s["atEnd"]!));

    /// <summary>
    /// Two pupils at stage 1 (SLCN, SEMH), one back on SEN support after a plan ceased (ASD), one being assessed (MLD);
    /// three reviews recorded in the autumn term.
    /// </summary>
    private static async Task<string[]> AutumnAsync(Pathway p)
    {
        var zebedee = await PupilAsync(p, Names[0], "SLCN");
        var philippa = await PupilAsync(p, Names[1], "SEMH");
        var ottoline = await PupilAsync(p, Names[2], "ASD");
        var barnaby = await PupilAsync(p, Names[3], "MLD");
        await p.RaiseAsync(ottoline, "assessment.requested", new { by = "school" });
        await p.RaiseAsync(ottoline, "plan.issued");
        await p.RaiseAsync(ottoline, "plan.ceased");
        await p.RaiseAsync(barnaby, "assessment.requested", new { by = "school" });
        await p.AdvanceToAsync("2026-09-21");
        await p.ReviewAsync(zebedee, "little");
        await p.ReviewAsync(philippa, "expected");
        await p.ReviewAsync(ottoline, "little");
        return [zebedee, philippa, ottoline, barnaby];
    }

    [Fact]
    public async Task TheAutumnReport_CountsPupilsByStageAndNeed_AndTheirReviews_WithoutNames()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var pupils = await AutumnAsync(p);
        // Two provisions on the map, one of them costed (a fixed cost per pupil): the report says how many carry a cost.
        var pupilId = (string)(await p.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{pupils[0]}"))!["pupilId"]!;
        foreach (var (intervention, cost) in new[] { ("Speech and language group", (decimal?)450m), ("Reading group", null) })
        {
            var added = await p.Http.PostAsJsonAsync($"/api/pupils/{pupilId}/provisions", new
            {
                intervention, entryCriteria = "Referred", exitCriteria = "Targets met", startsOn = "2026-09-14", deliveredBy = "TA",
                costBasis = cost is null ? "none" : "fixed", fixedCost = cost,
            });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        await p.AdvanceToAsync("2026-10-05");

        var report = await ReportAsync(p, "autumn");

        Assert.Equal(("autumn", "2026-27", "2026-09-01", "2026-10-05"),
            ((string?)report["term"], (string?)report["academicYear"], (string?)report["from"], (string?)report["asOf"]));
        var stages = Stages(report);
        Assert.Equal([(0, 2), (0, 0), (0, 1), (0, 0), (0, 1), (0, 0)], Enumerable.Range(1, 6).Select(n => stages[n]));
        var needs = report["pupilsByNeed"]!.AsArray().ToDictionary(n => (string)n!["need"]!, n => (int)n!["atEnd"]!);
        Assert.Equal(new Dictionary<string, int> { ["ASD"] = 1, ["MLD"] = 1, ["SEMH"] = 1, ["SLCN"] = 1 }, needs);
        var progress = report["progressByStage"]!.AsArray().ToDictionary(s => (int)s!["stage"]!, s => s!.AsObject());
        var stage1 = progress[1];
        Assert.Equal((0, 1, 1, 0), ((int)stage1["none"]!, (int)stage1["little"]!, (int)stage1["expected"]!, (int)stage1["good"]!));
        Assert.Equal((1, 1), ((int)progress[3]["little"]!, (int)progress[3]["total"]!));
        Assert.Equal(0, (int)progress[5]["total"]!);
        // Both assessments still run: Ottoline's plan was issued and ceased on the pathway, not through her assessment.
        Assert.Equal((2, 2, 0), ((int)report["ehcCases"]!["open"]!, (int)report["ehcCases"]!["withinTwentyWeeks"]!,
            (int)report["ehcCases"]!["overTwentyWeeks"]!));
        Assert.Equal((2, 1), ((int)report["provision"]!["inPlace"]!, (int)report["provision"]!["costed"]!));
        var json = report.ToJsonString();
        Assert.All(Names, name => Assert.DoesNotContain(name, json, StringComparison.OrdinalIgnoreCase));
        var pdf = Pdf.Text(await p.Http.GetByteArrayAsync("/api/schools/oakfield/reports/governor.pdf?year=2026-27&term=autumn"));
        Assert.Contains("2 interventions were in place this term. 1 of them has its cost on the provision map", pdf);
    }

    [Fact]
    public async Task AMoveInSpring_ChangesTheSpringReport_NotTheAutumnOne()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var pupils = await AutumnAsync(p);
        await p.AdvanceToAsync("2027-01-11");
        await p.ReviewAsync(pupils[1], "good");

        var spring = Stages(await ReportAsync(p, "spring"));
        var autumn = await ReportAsync(p, "autumn");

        Assert.Equal((2, 1), spring[1]);
        Assert.Equal((1, 1), spring[3]);
        Assert.Equal((0, 2), Stages(autumn)[1]);
        Assert.Equal("2026-12-18", (string?)autumn["asOf"]);
        var reviews = autumn["reviews"]!.AsObject();
        Assert.True((int)reviews["due"]! > 0, reviews.ToJsonString());
        Assert.Equal((int)reviews["due"]!, (int)reviews["overdue"]! + (int)reviews["onTime"]! + (int)reviews["late"]!);
    }

    [Fact]
    public async Task ReviewsDoneOnTimeAndOverdue_TheProgrammeAndTheActionPlan_AreCounted()
    {
        await using var p = await Pathway.StartAsync("2026-09-07");
        var pupils = await AutumnAsync(p);
        var programme = await p.Http.PostAsJsonAsync("/api/schools/oakfield/programmes",
            new { definitionId = "senco-monitoring", academicYear = "2026-27" });
        Assert.Equal(HttpStatusCode.Created, programme.StatusCode);
        var programmeId = (string)(await programme.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!;
        (await p.Http.PostAsJsonAsync("/api/schools/oakfield/action-plan", new { area = "Interventions", action = "Exit criteria" }))
            .EnsureSuccessStatusCode();

        // The first review falls due after six school weeks: Zebedee's is done the day it is set, Philippa's is left.
        await p.AdvanceToAsync("2026-10-20");
        var zebedeeReview = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={pupils[0]}&status=open&take=100"))!
            .First(t => (string?)t!["kind"] == "review")!;
        var done = await p.Http.PostAsJsonAsync($"/api/tasks/{zebedeeReview["id"]}/complete",
            new { form = new Dictionary<string, string> { ["progress"] = "expected" } });
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        var activities = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={programmeId}&status=open&take=100"))!;
        // The first of the schedule's activities (the fortnightly line-management meetings are not among them).
        var first = activities.Where(t => (string?)t!["kind"] == "monitoring").OrderBy(t => (string)t!["dueOn"]!).First()!;
        var activity = await p.Http.PostAsJsonAsync($"/api/tasks/{first["id"]}/complete",
            new { notes = "Done", form = new Dictionary<string, string> { ["findings"] = "Fine.", ["rating"] = "secure" } });
        Assert.True(activity.IsSuccessStatusCode, await activity.Content.ReadAsStringAsync());
        await p.AdvanceToAsync("2026-12-01");

        var report = await ReportAsync(p, "autumn");

        var reviews = report["reviews"]!.AsObject();
        Assert.Equal(1, (int)reviews["onTime"]!);
        Assert.Equal(0, (int)reviews["late"]!);
        Assert.True((int)reviews["overdue"]! >= 1, reviews.ToJsonString());
        var autumnEnd = "2026-12-18";
        var open = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={programmeId}&status=open&take=100"))!
            .Count(t => string.CompareOrdinal((string)t!["dueOn"]!, autumnEnd) <= 0 && (string?)t!["kind"] != "escalation"
                && !((string)t["title"]!).StartsWith("Line-management", StringComparison.Ordinal));
        Assert.Equal((true, 1, open), ((bool)report["programme"]!["running"]!, (int)report["programme"]!["done"]!,
            (int)report["programme"]!["outstanding"]!));
        var plan = report["actionPlan"]!.AsArray().ToDictionary(s => (string)s!["status"]!, s => (int)s!["count"]!);
        Assert.Equal((1, 0), (plan["to do"], plan["done"]));

        var pdf = await p.Http.GetAsync("/api/schools/oakfield/reports/governor.pdf?year=2026-27&term=autumn");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Pdf.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Oakfield Primary", text);
        Assert.Contains("Page 1 of", text);
        Assert.Contains("SEN governor's report: Autumn term 2026-27", text);
        Assert.Contains("Pupils by stage of the pathway", text);
        Assert.Contains("1: Cause of concern 0 2 +2", text);
        Assert.Contains("SLCN 0 1 +1", text);
        Assert.Contains($"{(int)reviews["due"]!} 1 0 {(int)reviews["overdue"]!}", text);
        Assert.Contains("0 interventions were in place this term. None of them has a cost on the provision map yet.", text);
        Assert.All(Names, name => Assert.DoesNotContain(name.Split(' ')[1], text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BadInput_IsRefusedWithEveryProblem()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");

        var malformed = await Pathway.ProblemAsync(
            await p.Http.GetAsync("/api/schools/oakfield/reports/governor?year=2026-2027&term=winter"), HttpStatusCode.BadRequest);
        var future = await Pathway.ProblemAsync(
            await p.Http.GetAsync("/api/schools/oakfield/reports/governor.pdf?year=2026-27&term=spring"), HttpStatusCode.BadRequest);
        var uncovered = await Pathway.ProblemAsync(
            await p.Http.GetAsync("/api/schools/oakfield/reports/governor?year=2031-32&term=autumn"), HttpStatusCode.BadRequest);

        Assert.Equal(["term", "year"], Fields(malformed));
        Assert.Equal(["term"], Fields(future));
        Assert.Contains("has not started", future.ToJsonString());
        Assert.Equal(["term", "year"], Fields(uncovered));
        Assert.Contains("do not cover 2031-32", uncovered.ToJsonString());
    }

    private static List<string> Fields(JsonObject problem) =>
        problem["errors"]!.AsArray().Select(e => (string)e!["field"]!).Order(StringComparer.Ordinal).ToList();
}
