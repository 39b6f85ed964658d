using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// "Show the flow" (issue 16, point 3): the SENCo turns the flow on in the designer and reads on the canvas how many pupils
/// are in each state, their median school weeks there and the overdue share, and on each arrow how many took it; the states
/// are coloured as a heat map with its legend; turned off, the canvas is the design again. The pupils page shows the
/// running version with its flow as it opens.
/// </summary>
public sealed class FlowCanvasTests(StudioFixture studio)
{
    private const string Id = "flow-chain";

    [Fact]
    public async Task TheSenco_TurnsTheFlowOn_AndReadsTheCountsMediansAndArrowsOnTheCanvas()
    {
        var http = studio.Http;
        // A pathway of its own (so no other test's pupils are counted), moved on by one event without a rule.
        var chain = Definitions.Chain(Id, 4);
        await Definitions.ImportAsync(http, chain with
        {
            Name = "Flow walk",
            Transitions = [.. chain.Transitions.Where(t => t.Id.StartsWith("up-", StringComparison.Ordinal)).Select(t => t with { Rule = null })],
        }, publish: true);
        var pupils = new List<string>();
        for (var n = 1; n <= 4; n++) pupils.Add((await studio.StartPupilAsync($"Flow Pupil {n}", Id)).InstanceId);
        // Three weeks on, three pupils go on to step 2; a week later one of them goes on to step 3.
        var today = await TodayAsync(http);
        await studio.AdvanceToAsync(Iso(today.AddDays(21)));
        foreach (var i in pupils.Skip(1)) await studio.RaiseAsync(i, "review.completed", new { progress = "little" });
        await studio.AdvanceToAsync(Iso(today.AddDays(28)));
        await studio.RaiseAsync(pupils[3], "review.completed", new { progress = "little" });

        var flow = (await http.GetFromJsonAsync<JsonObject>($"/api/definitions/{Id}/flow"))!;
        var states = flow["states"]!.AsArray().ToDictionary(s => (string)s!["stateId"]!, s => s!.AsObject());
        Assert.Equal((1, 2, 1, 0), ((int)states["step-1"]["pupils"]!, (int)states["step-2"]["pupils"]!, (int)states["step-3"]["pupils"]!,
            (int)states["step-4"]["pupils"]!));

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/definitions/{Id}/design");
        var canvas = Canvas.Ready(page);
        await Expect(canvas).ToBeVisibleAsync();
        await Expect(Canvas.State(page, "step-2")).ToContainTextAsync("Who:");
        await page.GetByLabel("Show the flow").CheckAsync();
        await Expect(canvas).ToHaveAttributeAsync("data-flow", "on");

        // Each state: its pupils, their median school weeks (as the API measures them on the term calendar), the overdue share.
        foreach (var (state, count) in new[] { ("step-1", "1 pupil,"), ("step-2", "2 pupils,"), ("step-3", "1 pupil,") })
        {
            var median = ((double)states[state]["medianSchoolWeeks"]!).ToString("0.0", CultureInfo.InvariantCulture);
            await Expect(Canvas.State(page, state)).ToContainTextAsync($"{count} median {median} school weeks");
            await Expect(Canvas.State(page, state)).ToContainTextAsync("0% with overdue tasks");
        }
        await Expect(Canvas.State(page, "step-4")).ToContainTextAsync("No pupils here now");
        // Each arrow: the pupils who took it this school year, the busier one drawn thicker.
        await Expect(Arrow(page, "up-1")).ToContainTextAsync("3 pupils");
        await Expect(Arrow(page, "up-2")).ToContainTextAsync("1 pupil");
        await Expect(Arrow(page, "up-3")).ToContainTextAsync("0 pupils");
        var widths = await page.EvaluateAsync<double[]>(@"() => ['up-1', 'up-2'].map(id =>
            Number(document.querySelector(`[data-testid=canvas] [data-cell-id='${id}'] path[data-pupils]`).getAttribute('stroke-width')))");
        Assert.True(widths[0] > widths[1], $"up-1 {widths[0]} is not thicker than up-2 {widths[1]}");
        // The heat map: the longest time in state is the warmest, and the legend says how long that is.
        var fills = await page.EvaluateAsync<string[]>(@"() => ['step-1', 'step-3'].map(id =>
            document.querySelector(`[data-testid=canvas] [data-cell-id='${id}'] rect[data-pupils]`).getAttribute('fill'))");
        // (The shared clock may stand in a holiday, where no school week passes: then both are as cool as each other.)
        if ((double)states["step-1"]["medianSchoolWeeks"]! > (double)states["step-3"]["medianSchoolWeeks"]!) Assert.NotEqual(fills[0], fills[1]);
        else Assert.Equal(fills[0], fills[1]);
        await Expect(page.GetByTestId("flow-legend")).ToContainTextAsync("school week");
        await Expect(page.GetByTestId("flow-summary")).ToContainTextAsync("4 pupils on version");
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        await page.Locator(".designer").ScreenshotAsync(new() { Path = RepoPaths.Screenshot("flow-heatmap.png") });

        // The same figures as a table, for a screen reader.
        var figures = page.GetByTestId("flow-figures");
        await figures.Locator("summary").ClickAsync();
        var step2 = figures.Locator("tr[data-state='step-2'] td");
        await Expect(step2.Nth(0)).ToHaveTextAsync("Step 2 of the pathway");
        await Expect(step2.Nth(1)).ToHaveTextAsync("2");
        await Expect(step2.Nth(2)).ToHaveTextAsync(((double)states["step-2"]["medianSchoolWeeks"]!).ToString("0.0", CultureInfo.InvariantCulture));

        // Off again: the design as it was.
        await page.GetByLabel("Show the flow").UncheckAsync();
        await Expect(canvas).ToHaveAttributeAsync("data-flow", "off");
        await Expect(Canvas.State(page, "step-2")).ToContainTextAsync("Who:");

        // The pupils page draws the running version with its flow as it opens.
        await StudioFixture.OpenAsync(page, $"/definitions/{Id}/pupils");
        await Expect(page.Locator("[data-testid=canvas][data-flow=on]")).ToBeVisibleAsync();
        await Expect(Canvas.State(page, "step-2")).ToContainTextAsync("2 pupils,");
    }

    [Fact]
    public async Task TheCharts_AreDrawn_TheSchoolsOnItsFigures_TheBoroughsOnItsAssessments()
    {
        // The SENCo's figures: pupils at each stage, a bar of stacked stages per week of the school year so far.
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/school/figures");
        var stages = page.GetByTestId("chart-stages");
        await Expect(stages.Locator("svg.main-svg").First).ToBeVisibleAsync();
        Assert.True(int.Parse(await stages.GetAttributeAsync("data-weeks") ?? "0", CultureInfo.InvariantCulture) >= 1);
        await Expect(stages).ToContainTextAsync("1: ");

        // The LA officer's assessments: the month-by-month shares against the law's limits.
        await studio.CreateStaffAsync("flow.officer@demo-borough.test", "Fenella Flow", "la-officer");
        var officer = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(officer, "flow.officer@demo-borough.test");
        await StudioFixture.OpenAsync(officer, "/la/assessments");
        var monthly = officer.GetByTestId("chart-monthly-compliance");
        await Expect(monthly.Locator("svg.main-svg").First).ToBeVisibleAsync();
        await Expect(monthly).ToContainTextAsync("Decisions within 6 weeks");
    }

    private static ILocator Arrow(IPage page, string id) => page.Locator($"[data-testid=canvas] g.x6-edge[data-cell-id='{id}'] .x6-edge-label");

    private static async Task<DateOnly> TodayAsync(HttpClient http) =>
        DateOnly.Parse((string)(await http.GetFromJsonAsync<JsonObject>("/api/clock"))!["today"]!, CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
