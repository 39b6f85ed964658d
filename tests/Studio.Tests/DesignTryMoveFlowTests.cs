using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// Issue 16's whole walk in one: a SENCo changes the school's pathway in the designer, tries the change with a test pupil,
/// publishes it, previews and moves the pupils running the old version on the versions page, and sees on the canvas
/// where those pupils now are.
/// </summary>
public sealed partial class DesignTryMoveFlowTests(StudioFixture studio)
{
    private const string Id = "whole-walk";
    private const string Scope = "school:oakfield";
    private static readonly string[] FirstArrow = ["transition", "up-1"];

    [Fact]
    public async Task Senco_ChangesThePathway_TriesIt_Publishes_MovesTheRunningPupils_AndSeesWhereTheyAre()
    {
        var ct = TestContext.Current.CancellationToken;
        var chain = Definitions.Chain(Id, 3);
        await Definitions.ImportAsync(studio.Http, chain, publish: true);
        await ImportSchoolVariantAsync(chain, ct);
        var pupils = new[] { await studio.StartPupilAsync("Dee Walker", Id), await studio.StartPupilAsync("Eli Walker", Id),
            await studio.StartPupilAsync("Fay Walker", Id) };
        var before = (int)(await studio.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{pupils[0].InstanceId}", ct))!["version"]!;

        // The change: a pupil making little progress moves on after 2 school weeks rather than 6.
        var page = await studio.NewPageAsync();
        await page.SetViewportSizeAsync(1600, 1300);
        await StudioFixture.OpenAsync(page, $"/definitions/{Id}/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await page.EvaluateAsync("([kind, id]) => window.pathwayCanvas.clicked(kind, id)", FirstArrow);
        var rule = page.GetByTestId("transition-panel").Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea");
        await rule.FillAsync("facts.SchoolWeeksInStage >= 2 && facts.LastProgress == Progress.Little");
        await Expect(page.GetByTestId("rule-ok")).ToBeVisibleAsync();

        // Tried with a test pupil: three weeks on, little progress moves them to step 2.
        await page.GetByTestId("try-it").ClickAsync();
        var play = page.GetByTestId("play-panel");
        await play.GetByLabel("Starts on", new() { Exact = true }).FillAsync("2026-09-07");
        await play.GetByTestId("play-start").ClickAsync();
        await Expect(play.GetByTestId("play-state")).ToContainTextAsync("Step 1 of the pathway");
        await play.GetByLabel("Days", new() { Exact = true }).FillAsync("21");
        await play.GetByTestId("play-days").ClickAsync();
        await play.GetByTestId("play-event").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "review.completed", Exact = true }).ClickAsync();
        await play.GetByLabel("progress", new() { Exact = true }).FillAsync("little");
        await play.GetByTestId("play-send").ClickAsync();
        await Expect(play.GetByTestId("play-state")).ToContainTextAsync("Step 2 of the pathway");
        await Expect(page.Locator("[data-testid=canvas][data-play=on][data-current=step-2]")).ToBeVisibleAsync();
        await page.GetByTestId("try-it").ClickAsync();
        await Expect(page.Locator("[data-testid=canvas][data-play=off]")).ToBeVisibleAsync();

        // Published: new pupils start on the new version; the three running pupils are still on the old one.
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("Published version");
        var published = int.Parse(VersionNumber().Match(await page.GetByTestId("designer-message").InnerTextAsync()).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(published > before);

        // The versions page: the map is filled in (every state kept its id), the preview lists the three, and they move.
        await StudioFixture.OpenAsync(page, $"/definitions/{Id}/versions");
        await page.GetByTestId("move-pupils-open").ClickAsync();
        await Expect(page.GetByTestId("migration-map").Locator("tr[data-state='step-1'] input")).ToHaveValueAsync("step-1");
        await page.GetByTestId("migration-preview").ClickAsync();
        await Expect(page.GetByTestId("migration-summary"))
            .ToHaveTextAsync($"3 of 3 pupils on version {before} will move to version {published}.");
        foreach (var (_, instance) in pupils)
            await Expect(page.GetByTestId("migration-preview-table").Locator($"tr[data-instance='{instance}']")).ToContainTextAsync("Walker");
        await page.GetByTestId("migration-apply").ClickAsync();
        await Expect(page.GetByTestId("migration-result")).ToHaveTextAsync($"Done: 3 moved to version {published}, 0 skipped, 0 failed.");
        foreach (var (_, instance) in pupils)
        {
            var moved = (await studio.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}", ct))!;
            Assert.Equal(published, (int)moved["version"]!);
        }

        // The flow on the canvas: the three moved pupils are in step 1 of the running version, none further on.
        await StudioFixture.OpenAsync(page, $"/definitions/{Id}/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await page.GetByLabel("Show the flow").CheckAsync();
        await Expect(page.Locator("[data-testid=canvas][data-flow=on]")).ToBeVisibleAsync();
        await Expect(Canvas.State(page, "step-1")).ToContainTextAsync("3 pupils,");
        await Expect(Canvas.State(page, "step-2")).ToContainTextAsync("No pupils here now");
    }

    private async Task ImportSchoolVariantAsync(WorkflowDefinition definition, CancellationToken ct)
    {
        var response = await studio.Http.PostAsync($"/api/definitions/import?publish=true&scope={Uri.EscapeDataString(Scope)}",
            new StringContent(DefinitionJson.Serialize(definition), System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
    }

    [GeneratedRegex(@"Published version (\d+)")]
    private static partial Regex VersionNumber();
}
