namespace SendWorkflow.Studio.Tests;

/// <summary>
/// "Try it": a SENCo changes an arrow's rule in the designer and, without saving, tries the draft with a test pupil: records a
/// review, moves time on, records another, and sees the pupil's state lit on the canvas, the arrow taken and the journal.
/// </summary>
public sealed class PlayPanelTests(StudioFixture studio)
{
    private const string Id = "play-walk";
    private static readonly string[] FirstArrow = ["transition", "up-1"];

    [Fact]
    public async Task Senco_EditsTheDraft_TriesIt_SendsAnEvent_MovesTime_AndSeesThePathLit()
    {
        await Definitions.ImportAsync(studio.Http, Definitions.Chain(Id, 3), publish: true);
        var page = await studio.NewPageAsync();
        await page.SetViewportSizeAsync(1600, 1300);
        await StudioFixture.OpenAsync(page, $"/definitions/{Id}/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();

        // The SENCo shortens the first review to 2 school weeks (not saved: Play runs the draft as it is open).
        await page.EvaluateAsync("([kind, id]) => window.pathwayCanvas.clicked(kind, id)", FirstArrow);
        var rule = page.GetByTestId("transition-panel").Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea");
        await rule.FillAsync("facts.SchoolWeeksInStage >= 2 && facts.LastProgress == Progress.Little");
        await Expect(page.GetByTestId("rule-ok")).ToBeVisibleAsync();

        await page.GetByTestId("try-it").ClickAsync();
        var play = page.GetByTestId("play-panel");
        await play.GetByLabel("Starts on", new() { Exact = true }).FillAsync("2026-09-07");
        await play.GetByTestId("play-start").ClickAsync();
        await Expect(play.GetByTestId("play-state")).ToContainTextAsync("Step 1 of the pathway");
        await Expect(page.Locator("[data-testid=canvas][data-play=on][data-current=step-1]")).ToBeVisibleAsync();

        // Little progress at once: the draft's rule wants 2 school weeks first.
        await SendReviewAsync(page, play, "little");
        await Expect(play.GetByTestId("play-state")).ToContainTextAsync("Step 1 of the pathway");
        await Expect(play.GetByTestId("play-why")).ToContainTextAsync("must be at least 2");

        // Three weeks on, little progress again: the pupil moves on, and the canvas lights the arrow taken.
        await play.GetByLabel("Days", new() { Exact = true }).FillAsync("21");
        await play.GetByTestId("play-days").ClickAsync();
        await Expect(play.GetByTestId("play-today")).ToContainTextAsync("28 September 2026");
        await SendReviewAsync(page, play, "little");
        await Expect(play.GetByTestId("play-state")).ToContainTextAsync("Step 2 of the pathway");
        await Expect(page.Locator("[data-testid=canvas][data-play=on][data-current=step-2]")).ToBeVisibleAsync();
        Assert.Equal("up-1", await page.GetByTestId("canvas").GetAttributeAsync("data-play-path"));
        await Expect(play.GetByTestId("play-journal")).ToContainTextAsync("Moved from Step 1 of the pathway to Step 2 of the pathway");
        await page.EvaluateAsync("() => { window.pathwayCanvas.clicked(null, null); window.pathwayCanvas.fit(); }");
        await Expect(page.Locator("[data-testid=canvas] .sw-path")).ToHaveCountAsync(1);
        await play.EvaluateAsync("e => e.closest('aside').scrollTop = 0");
        await page.Locator(".designer").ScreenshotAsync(new() { Path = RepoPaths.Screenshot("play.png") });

        // The steps saved as a scenario and replayed on the draft as it is: every step ends as it did.
        await play.GetByText("Steps and scenarios").ClickAsync();
        await play.GetByLabel("Scenario name", new() { Exact = true }).FillAsync("Two reviews three weeks apart");
        await play.GetByTestId("play-save-scenario").ClickAsync();
        await play.GetByTestId("play-replay").ClickAsync();
        await Expect(play.GetByTestId("play-replay-result")).ToContainTextAsync("every step ends as it did");

        // Renamed in place, then deleted after a second thought: the list follows each, and the replay keeps its new name.
        await play.GetByTestId("play-rename").ClickAsync();
        await play.GetByLabel("New name", new() { Exact = true }).FillAsync("Two reviews, three weeks apart");
        await play.GetByTestId("play-rename-save").ClickAsync();
        await Expect(play.GetByTestId("play-scenario")).ToContainTextAsync("Two reviews, three weeks apart (");
        await Expect(play.GetByTestId("play-replay-result")).ToContainTextAsync("'Two reviews, three weeks apart'");
        await play.GetByTestId("play-delete").ClickAsync();
        await Expect(play.GetByTestId("play-scenario")).ToContainTextAsync("for everyone who designs this variant?");
        await play.GetByTestId("play-delete-confirm").ClickAsync();
        await Expect(play.GetByTestId("play-scenario")).ToHaveCountAsync(0);
        await Expect(play.GetByTestId("play-replay-result")).ToHaveCountAsync(0);

        // Nothing was saved or published by trying it, and ending the trial gives the canvas back.
        Assert.Equal(1, await Definitions.PublishedVersionAsync(studio.Http, Id));
        await page.GetByTestId("try-it").ClickAsync();
        await Expect(page.Locator("[data-testid=canvas][data-play=off]")).ToBeVisibleAsync();
    }

    private static async Task SendReviewAsync(IPage page, ILocator play, string progress)
    {
        var events = play.GetByTestId("play-event");
        if (!await play.GetByLabel("progress", new() { Exact = true }).IsVisibleAsync())
        {
            await events.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "review.completed", Exact = true }).ClickAsync();
        }
        await play.GetByLabel("progress", new() { Exact = true }).FillAsync(progress);
        await play.GetByTestId("play-send").ClickAsync();
    }
}
