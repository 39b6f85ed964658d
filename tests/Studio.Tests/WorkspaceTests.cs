using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SendWorkflow.Studio.Tests;

/// <summary>The staff workspace as a class teacher and a governor use it: the inbox, a review, the pupil record, the figures.</summary>
public sealed class WorkspaceTests(StudioFixture studio)
{
    private const string Teacher = "oak.teacher@oakfield.test";

    [Fact]
    public async Task AClassTeacher_RecordsLittleProgressAtTheReview_AndThePupilMovesToStage2OnThePage()
    {
        await EnsureTeacherAsync();
        var (pupilId, instanceId) = await studio.StartPupilAsync("Rowan Whitlock", className: "3 Oak");
        await studio.AdvanceToReviewAsync(instanceId);

        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, Teacher);
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();

        var review = page.Locator($"[data-testid=inbox] tr[data-pupil='{pupilId}']").Filter(new() { HasText = "Review progress" });
        await review.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        var form = page.GetByTestId("task-form");
        await form.GetByTestId("submit-task").ClickAsync();
        await Expect(form.GetByTestId("error-progress")).ToContainTextAsync("is required");

        await form.GetByLabel("Little progress").CheckAsync();
        await form.GetByLabel("Notes").FillAsync("Still finds phonics hard <script>alert('x')</script>");
        await form.GetByLabel("Next targets (one per line)").FillAsync("Blend CVC words <script>alert('x')</script>\nRead with an adult daily");
        await form.GetByTestId("submit-task").DblClickAsync();

        await Expect(page.GetByTestId("pupil-stage")).ToContainTextAsync("Rowan Whitlock is now at stage 2: Initial concern");
        await Expect(page.GetByTestId("pupil-new-tasks")).ToContainTextAsync("Complete the initial concern template");
        await Expect(page.Locator($"[data-testid=inbox] tr[data-pupil='{pupilId}']").Filter(new() { HasText = "initial concern template" }))
            .ToBeVisibleAsync();

        // The double click completed the review once.
        var record = await studio.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupilId}/record");
        var completions = record!["chronology"]!.AsArray()
            .Count(l => ((string)l!["detail"]!).StartsWith("Completed 'Review progress", StringComparison.Ordinal));
        Assert.Equal(1, completions);

        // The record shows the new targets, a script among them as plain text.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open Rowan Whitlock's record" }).ClickAsync();
        await Expect(page.GetByTestId("record-stage")).ToContainTextAsync("Stage 2: Initial concern");
        await Expect(page.GetByTestId("targets")).ToContainTextAsync("Blend CVC words <script>alert('x')</script>");
        await Expect(page.GetByTestId("chronology")).ToContainTextAsync("Olive Marsh");
    }

    [Fact]
    public async Task AGovernor_SeesTheSchoolsFigures_AndNoPupilsName()
    {
        string[] names = ["Zephyrine Quillfeather", "Barnaby Octavius-Lark"];
        foreach (var name in names) await studio.StartPupilAsync(name, className: "5 Elm");
        await studio.CreateStaffAsync("governor@oakfield.test", "Gwen Ellis", "governor");

        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, "governor@oakfield.test");
        await Expect(page).ToHaveURLAsync(new Regex("/school/figures$"));
        await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("by-stage")).ToContainTextAsync("1: Cause of concern");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).Not.ToContainTextAsync("SEN register");

        var text = await page.Locator("body").InnerTextAsync();
        var html = await page.ContentAsync();
        foreach (var name in names)
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AClassTeacher_OpeningAnotherClassesPupil_IsToldThereIsNoSuchPupil()
    {
        await EnsureTeacherAsync();
        var (mine, _) = await studio.StartPupilAsync("Ivy Hartwell", className: "3 Oak");
        var (other, _) = await studio.StartPupilAsync("Felix Ashdown", className: "4 Ash");

        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, Teacher);
        await StudioFixture.OpenAsync(page, $"/pupils/{mine}");
        await Expect(page.GetByTestId("record-stage")).ToContainTextAsync("Stage 1");

        await StudioFixture.OpenAsync(page, $"/pupils/{other}");
        await Expect(page.GetByTestId("record-missing")).ToHaveTextAsync("There is no such pupil.");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Felix Ashdown");

        var denied = await studio.Http.GetFromJsonAsync<JsonArray>($"/api/audit?pupilId={other}&action=denied");
        Assert.Contains(denied!, e => (string?)e!["userName"] == "Olive Marsh" && (string?)e["path"] == $"/pupils/{other}");
        var read = await studio.Http.GetFromJsonAsync<JsonArray>($"/api/audit?pupilId={mine}&action=read");
        Assert.Contains(read!, e => (string?)e!["resource"] == "pupil-record" && (string?)e["userName"] == "Olive Marsh");
    }

    [Fact]
    public async Task ASenco_SeesTheSenRegister_AndItsCsvDownloadsWithTheStudiosSignIn()
    {
        var (pupilId, _) = await studio.StartPupilAsync("Marigold Penhallow", className: "6 Yew");
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your work" }).GetByRole(AriaRole.Link, new() { Name = "SEN register" })
            .ClickAsync();
        await Expect(page.Locator($"[data-testid=register] tr[data-pupil='{pupilId}']")).ToContainTextAsync("Marigold Penhallow");

        var href = await page.GetByTestId("csv").GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, csv.Status);
        Assert.Contains("Marigold Penhallow", await csv.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResettingTheCalendarAddress_CutsOffTheOldOne()
    {
        await EnsureTeacherAsync();
        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, Teacher);
        await StudioFixture.OpenAsync(page, "/calendar");
        var feed = page.GetByLabel("Calendar feed address");
        await Expect(feed).ToHaveValueAsync(new Regex(@"/api/calendar/.+\.ics$"));
        var old = await feed.InputValueAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await new HttpClient().GetAsync(old)).StatusCode);

        await page.GetByTestId("reset-calendar").ClickAsync();
        await Expect(page.GetByTestId("calendar-message")).ToContainTextAsync("The address has changed");
        await Expect(feed).Not.ToHaveValueAsync(old);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await new HttpClient().GetAsync(old)).StatusCode);
    }

    [Fact]
    public async Task AnLaOfficer_LandsOnTheBoroughOverview_AndOpensTheirBoroughsOpenAssessments_WithTheSen2Csv()
    {
        await studio.CreateStaffAsync("officer@demo-borough.test", "Lee Officer", "la-officer");
        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, "officer@demo-borough.test");
        await Expect(page).ToHaveURLAsync(new Regex("/la$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Borough overview · Demo Borough" })).ToBeVisibleAsync();
        // The side navigation groups the borough's pages under their heading; a school's own records are not the officer's.
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Group, new() { Name = "Borough" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(
            ["Borough overview", "Assessments", "Annual reviews", "Schools' self-reviews", "Borough SEN audits", "Borough SEN funding"]);
        await Expect(nav).Not.ToContainTextAsync("SEN register");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Assessments", Exact = true })).ToHaveAttributeAsync("href", "/la/assessments");
        await page.GetByTestId("headline-assessments").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/la/assessments$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open assessments · Demo Borough" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("compliance")).ToContainTextAsync("decisions whether to assess");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appeal windows open" })).ToBeVisibleAsync();

        var csv = await page.Context.APIRequest.GetAsync((await page.GetByTestId("sen2-csv").GetAttributeAsync("href"))!);
        Assert.Equal(200, csv.Status);
    }

    private async Task EnsureTeacherAsync()
    {
        var exists = await studio.Http.PostAsJsonAsync("/api/auth/token", new { email = Teacher, password = StudioFixture.Password });
        if (!exists.IsSuccessStatusCode) await studio.CreateStaffAsync(Teacher, "Olive Marsh", "class-teacher", "3 Oak");
    }
}
