using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// The LA officer's annual reviews page (issue 14, point 3): the borough's schools with their counts, every plan's
/// review with its dates, narrowed to the late ones, and the CSV the API gives.
/// </summary>
public sealed partial class AnnualReviewsPageTests(StudioFixture studio)
{
    private const string Officer = "reviews.officer@demo-borough.test";

    [Fact]
    public async Task AnLaOfficer_SeesTheBoroughsAnnualReviews_NarrowsThemToTheLateOnes_AndDownloadsThem()
    {
        var (pupil, pathway) = await studio.StartPupilAsync("Rowan Review");
        await studio.RaiseAsync(pathway, "assessment.requested", new { by = "school" });
        await studio.RaiseAsync(pathway, "plan.issued");
        (await studio.Http.PutAsJsonAsync($"/api/pupils/{pupil}", new { lookedAfter = true })).EnsureSuccessStatusCode();
        await studio.CreateStaffAsync(Officer, "Rae Officer", "la-officer");

        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, Officer);
        // Exact: the borough overview's headlines, drawn a moment later, are links whose names hold the words too.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Annual reviews", Exact = true }))
            .ToHaveAttributeAsync("href", "/la/annual-reviews");
        await StudioFixture.OpenAsync(page, "/la/annual-reviews");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annual reviews · Demo Borough" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("annual-review-schools")).ToContainTextAsync("Oakfield Primary");
        var row = page.GetByTestId("annual-reviews").GetByRole(AriaRole.Row).Filter(new() { HasText = "Rowan Review" });
        await Expect(row).ToContainTextAsync("Rowan Review (looked after)");
        await Expect(row).ToContainTextAsync("meeting due");

        await page.GetByTestId("filter-late").ClickAsync();
        await Expect(page.GetByTestId("annual-reviews-csv")).ToHaveAttributeAsync("href", LateCsv());
        await Expect(row).ToHaveCountAsync(0);
        var csv = await page.Context.APIRequest.GetAsync((await page.GetByTestId("annual-reviews-csv").GetAttributeAsync("href"))!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("School,Pupil,Year group,Looked after", await csv.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSenco_MarksAPupilLookedAfter_OnTheirRecord_AndTheApiAgrees()
    {
        var (pupil, _) = await studio.StartPupilAsync("Cass Care");
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/pupils/{pupil}");
        var looked = page.GetByLabel("Looked after (in care)");
        await Expect(looked).Not.ToBeCheckedAsync();

        await looked.CheckAsync();
        await Expect(page.GetByTestId("pupil-record")).ToContainTextAsync("; looked after.");
        Assert.True((bool)(await studio.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/pupils/{pupil}"))!["lookedAfter"]!);
    }

    [GeneratedRegex("/api/boroughs/demo-borough/annual-reviews\\.csv\\?status=late$")]
    private static partial Regex LateCsv();
}
