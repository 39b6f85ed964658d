using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// The LA officer's landing page (issue 14, point 5): signed in, the officer lands on the borough overview, sees both
/// schools with their self-review levels and the late annual reviews, and the charts drawn; the assessments page is a
/// click away.
/// </summary>
public sealed partial class BoroughOverviewTests(StudioFixture studio)
{
    private const string Officer = "overview.officer@demo-borough.test";
    private const string School = "westbrook";

    [Fact]
    public async Task AnLaOfficer_LandsOnTheBoroughOverview_SeesBothSchoolsLevelsAndLateReviews_WithCharts()
    {
        var http = studio.Http;
        (await http.PostAsJsonAsync("/api/schools", new { id = School, name = "Westbrook Academy", boroughId = "demo-borough", phase = "secondary" }))
            .EnsureSuccessStatusCode();

        // A Westbrook pupil with an EHC plan whose review meeting is held today and whose report does not come within 2 weeks.
        (await http.PostAsJsonAsync("/api/pupils", new
        {
            id = "westbrook-1", name = "Wren Overview", dateOfBirth = "2012-03-01", schoolId = School, yearGroup = 9,
        })).EnsureSuccessStatusCode();
        var started = await http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = "westbrook-1" });
        started.EnsureSuccessStatusCode();
        var pathway = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await studio.RaiseAsync(pathway, "assessment.requested", new { by = "school" });
        await studio.RaiseAsync(pathway, "plan.issued");
        var review = (string)(await http.GetFromJsonAsync<JsonArray>("/api/pupils/westbrook-1/instances"))!
            .Single(i => (string?)i!["definitionId"] == "ehcp-annual-review")!["id"]!;
        var today = DateOnly.Parse((string)(await http.GetFromJsonAsync<JsonObject>("/api/clock"))!["today"]!, CultureInfo.InvariantCulture);
        await studio.RaiseAsync(review, "review.meeting-held", new { heldOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await studio.AdvanceToAsync(today.AddDays(16).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // Westbrook's self-review this year: every descriptor at 3, assessment at 2 (a mean of 2.9 over the ten dimensions).
        var now = today.AddDays(16);
        var year = $"{(now.Month >= 9 ? now.Year : now.Year - 1)}-{(now.Month >= 9 ? now.Year + 1 : now.Year) % 100:00}";
        // Started for the school (another test may have started the year for every school already: then it is refused, and runs).
        await http.PostAsJsonAsync("/api/boroughs/demo-borough/programmes",
            new { definitionId = "self-review", academicYear = year, schoolId = School });
        var form = (await http.GetFromJsonAsync<JsonObject>($"/api/schools/{School}/self-review/{year}"))!;
        var levels = form["dimensions"]!.AsArray().SelectMany(d => d!["descriptors"]!.AsArray().Select(x => (object)new
        {
            descriptorId = (string)x!["id"]!, level = (string)d["id"]! == "assessment" ? 2 : 3, evidence = "Seen in lessons",
        })).ToArray();
        var saved = await http.PutAsJsonAsync($"/api/schools/{School}/self-review/{year}", new
        {
            levels, discussion = new List<string> { "assessment" }, figures = form["registerFigures"]!.DeepClone(), complete = true,
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        await studio.CreateStaffAsync(Officer, "Ola Overview", "la-officer");
        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, Officer);
        await Expect(page).ToHaveURLAsync(LandingPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Borough overview · Demo Borough" })).ToBeVisibleAsync();

        var schools = page.GetByTestId("overview-schools");
        var westbrook = schools.Locator($"tr[data-school='{School}']");
        await Expect(westbrook).ToContainTextAsync("Westbrook Academy");
        await Expect(westbrook).ToContainTextAsync("secondary");
        await Expect(westbrook.GetByTestId("level")).ToHaveTextAsync("2.9");
        await Expect(westbrook.GetByTestId("reviews")).ToContainTextAsync("1 late");
        var oakfield = schools.Locator("tr[data-school='oakfield']");
        await Expect(oakfield).ToContainTextAsync("Oakfield Primary");
        await Expect(oakfield.GetByTestId("level")).ToHaveTextAsync(LevelOrNotYet());
        await Expect(page.GetByTestId("headline-late-reviews")).ToContainTextAsync("annual reviews late");
        var late = int.Parse(await page.GetByTestId("headline-late-reviews").Locator("strong").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(late >= 1, $"{late} late annual reviews");

        // The charts are drawn: Plotly's svg in each.
        foreach (var chart in new[] { "chart-levels", "chart-reviews", "chart-funding" })
            await Expect(page.GetByTestId(chart).Locator("svg.main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("borough-overview.png"), FullPage = true });

        // The late reviews headline opens the borough's annual reviews; the assessments are a click away from the landing page.
        await page.GetByTestId("headline-late-reviews").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/la/annual-reviews$"));
        await page.GoBackAsync();
        await page.GetByTestId("headline-assessments").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open assessments · Demo Borough" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/la$")]
    private static partial Regex LandingPage();

    [GeneratedRegex(@"^(\d\.\d|not yet)$")]
    private static partial Regex LevelOrNotYet();
}
