using System.Diagnostics;

namespace SendWorkflow.Studio.Tests;

/// <summary>What a SENCo does: change the pathway, publish it, and check a pupil who started before.</summary>
public sealed class SencoJourneyTests(StudioFixture studio, ITestOutputHelper output)
{
    [Fact]
    public async Task Senco_AddsAReferralWithARule_Publishes_AndAnEarlierPupilStaysOnVersion1()
    {
        // A pupil who started on version 1 and has moved to stage 2 after little progress.
        var (pupilId, instanceId) = await studio.StartPupilAsync("Alex Example");
        await studio.AdvanceToReviewAsync(instanceId);
        await studio.RaiseAsync(instanceId, "review.completed", new { progress = "little" });

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/");
        await Expect(page.Locator("[data-definition='send-pathway']")).ToContainTextAsync("SEND graduated pathway");

        var opening = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open SEND graduated pathway" }).ClickAsync();
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await Expect(Canvas.State(page, "cause-of-concern")).ToBeVisibleAsync();
        Report.Figure(output, $"Open the pathway (7 states) from the list until the canvas is interactive: {opening.ElapsedMilliseconds} ms");

        // Add a state and name it.
        await page.GetByTestId("add-state").ClickAsync();
        var name = page.GetByLabel("State name");
        await name.FillAsync("Speech and language referral");
        await name.PressAsync("Tab");
        await Expect(Canvas.State(page, "speech-and-language-referral")).ToContainTextAsync("Speech and language referral");
        await page.GetByLabel("Auto-layout").ClickAsync();

        // Connect it from SEN support by drawing an arrow, then give the arrow a rule.
        await Canvas.ConnectAsync(page, "sen-support", "speech-and-language-referral");
        await Expect(page.GetByTestId("transition-panel")).ToBeVisibleAsync();
        var rule = page.Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea").First;
        await rule.FillAsync("facts.ReviewsWithoutProgress >= params.referralReviews");
        await Expect(page.GetByTestId("rule-error")).ToContainTextAsync("referralReviews");
        await rule.FillAsync("facts.ReviewsWithoutProgress >= 2 && facts.LastProgress == Progress.None");
        await Expect(page.GetByTestId("rule-ok")).ToBeVisibleAsync();
        await page.GetByLabel("Label on the arrow (plain words)").FillAsync("No progress after two reviews: refer to speech and language");
        await page.GetByLabel("Label on the arrow (plain words)").PressAsync("Tab");
        await Expect(page.Locator("[data-testid=canvas]")).ToContainTextAsync("No progress after two reviews");
        await page.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("designer.png") });

        // Publish: version 2, and the pupil who started before stays on version 1.
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("Published version 2");
        // Other tests share the service and may have started pupils too: at least this one is on version 1.
        await Expect(page.GetByTestId("running-versions")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("version 1: \\d+ pupils?"));
        await Expect(page.GetByTestId("running-versions")).ToContainTextAsync("New pupils start on version 2");

        await StudioFixture.OpenAsync(page, "/definitions/send-pathway/pupils");
        var row = page.Locator($"[data-pupil='{pupilId}']");
        await Expect(row.GetByTestId("pupil-version")).ToHaveTextAsync("version 1");
        await row.GetByRole(AriaRole.Link, new() { Name = "View Alex Example's pathway" }).ClickAsync();

        // The instance viewer: version 1 drawn, the current state highlighted, the path taken so far.
        await Expect(page.Locator("[data-testid=canvas][data-ready=true][data-current='initial-concern']")).ToBeVisibleAsync();
        await Expect(Canvas.State(page, "initial-concern").Locator(".sw-current")).ToHaveCountAsync(1);
        await Expect(Canvas.State(page, "speech-and-language-referral")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("instance-summary")).ToContainTextAsync("stays on version 1");
        await Expect(page.Locator("[data-testid=canvas] [data-cell-id='stage1-no-progress'] .sw-path")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("instance-viewer.png") });
        await page.Locator("[data-testid=journal] button[data-kind=transition]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=canvas][data-focus='stage1-no-progress']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("open-tasks")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(" 20\\d\\d"));

        // The designer, the canvas (X6, dagre), MudBlazor and the live connection all worked under the Content-Security-Policy.
        Assert.Empty(StudioFixture.CspViolations(page));
    }
}
