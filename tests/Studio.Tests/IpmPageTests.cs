using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// A pupil's individual provision map in the browser: the SENCo sets a SMART target on the record, the class teacher
/// scores it at the review from the inbox, and the record shows the score as a chart and as text.
/// </summary>
public sealed class IpmPageTests(StudioFixture studio)
{
    private const string Teacher = "ipm.teacher@oakfield.test";

    [Fact]
    public async Task TheSencoSetsATarget_TheTeacherScoresItAtReview_AndTheRecordChartsIt()
    {
        await studio.CreateStaffAsync(Teacher, "Iris Penn", "class-teacher", "4 Ivy");
        var (pupilId, instanceId) = await studio.StartPupilAsync("Wilhelmina Tarrant", className: "4 Ivy");

        var senco = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(senco, $"/pupils/{pupilId}");
        var add = senco.GetByTestId("add-target");
        await add.GetByTestId("add-target-button").ClickAsync();
        await Expect(add).ToContainTextAsync("'Target' is required.");
        await add.GetByLabel("Target").FillAsync("Counts objects to 20");
        await add.GetByLabel("We will know when").FillAsync("Counts 20 cubes twice, unaided");
        await add.GetByTestId("add-target-button").ClickAsync();
        await Expect(senco.GetByTestId("ipm-targets")).ToContainTextAsync("Counts objects to 20");
        await Expect(senco.GetByTestId("target-scores")).ToContainTextAsync("not reviewed yet");

        await studio.AdvanceToReviewAsync(instanceId);
        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, Teacher);
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
        var review = page.Locator($"[data-testid=inbox] tr[data-pupil='{pupilId}']").Filter(new() { HasText = "Review progress" });
        await review.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        var form = page.GetByTestId("task-form");

        // The target must be scored; the progress may be left for the score to give.
        await form.GetByTestId("submit-task").ClickAsync();
        await Expect(form).ToContainTextAsync("'Target: Counts objects to 20 (we will know when: Counts 20 cubes twice, unaided)' is required.");
        var target = form.Locator("fieldset").Filter(new() { HasText = "Target: Counts objects to 20" });
        await target.GetByLabel("+1 achieved").CheckAsync();
        await form.GetByTestId("submit-task").ClickAsync();
        await Expect(page.GetByTestId("task-form")).ToHaveCountAsync(0);

        var ipm = await studio.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupilId}/ipm");
        Assert.Equal(("expected", "expected"), ((string?)ipm!["reviews"]![0]!["progress"], (string?)ipm["reviews"]![0]!["progressFromTargets"]));

        // The clock has moved on weeks since the SENCo signed in: a new session.
        senco = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(senco, $"/pupils/{pupilId}");
        await Expect(senco.GetByTestId("target-scores")).ToContainTextAsync("+1 on");
        await Expect(senco.GetByTestId("ipm-reviews")).ToContainTextAsync("progress expected");
        await Expect(senco.Locator("[data-testid=ipm-chart] .main-svg").First).ToBeVisibleAsync();
        Assert.Empty(StudioFixture.CspViolations(senco));
        await senco.GetByTestId("ipm").ScreenshotAsync(new() { Path = RepoPaths.Screenshot("ipm-targets.png") });
    }
}
