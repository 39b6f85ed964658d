using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// The self-review in the Studio: the SENCo gives a descriptor a level with its evidence, chooses a dimension to discuss and
/// saves; the LA officer finds the school's level on the borough's page, with its charts.
/// </summary>
public sealed class SelfReviewPageTests(StudioFixture studio)
{
    private const string Officer = "self-review.officer@demo-borough.test";

    [Fact]
    public async Task TheSenco_LevelsADescriptor_AndTheLaOfficerSeesTheSchoolsLevel()
    {
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/school/self-review");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SEN self-review · Oakfield Primary" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1. Achievement" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "10. Management" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-levels")).ToBeVisibleAsync();

        var descriptor = page.Locator("[data-descriptor='assessment-1']");
        await descriptor.GetByRole(AriaRole.Radio, new() { Name = "2 Developing" }).CheckAsync();
        await descriptor.GetByLabel("How would I know that was happening?").FillAsync("Targets set termly; pupils rarely see them.");
        await page.Locator("[data-dimension='assessment']").GetByTestId("discuss").CheckAsync();
        await page.GetByTestId("save").ClickAsync();

        await Expect(page.GetByTestId("self-review-message")).ToContainTextAsync("Saved.");
        await Expect(page.Locator("[data-dimension='assessment']").GetByTestId("dimension-level")).ToContainTextAsync("This year: 2.0");
        var saved = (await studio.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/self-review"))!;
        var assessment = saved["dimensions"]!.AsArray().Single(d => (string?)d!["id"] == "assessment")!;
        Assert.True((bool)assessment["forDiscussion"]!);
        Assert.Equal("Targets set termly; pupils rarely see them.", (string?)assessment["descriptors"]![0]!["evidence"]);

        await studio.CreateStaffAsync(Officer, "Lee Officer", "la-officer");
        var officer = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(officer, Officer);
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Schools' self-reviews" })).ToHaveAttributeAsync("href", "/la/self-reviews");
        await StudioFixture.OpenAsync(officer, "/la/self-reviews");
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Schools' self-reviews · Demo Borough" })).ToBeVisibleAsync();
        await Expect(officer.Locator("[data-school='oakfield'] [data-dimension='assessment']")).ToContainTextAsync("2.0");
        await Expect(officer.GetByTestId("chart-levels").Locator(".plot-container")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("chart-sen").Locator(".plot-container")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("sen-numbers")).ToContainTextAsync(saved["academicYear"]!.ToString());
    }

    [Fact]
    public async Task TheLaOfficer_AssignsTheBoroughsEpToASchool()
    {
        (await studio.Http.PostAsJsonAsync("/api/users", new
        {
            email = "ep@demo-borough.test", displayName = "Jordan Reid", role = "educational-psychologist", boroughId = "demo-borough",
            password = StudioFixture.Password,
        })).EnsureSuccessStatusCode();
        await studio.CreateStaffAsync("assigning.officer@demo-borough.test", "Ash Officer", "la-officer");
        var officer = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(officer, "assigning.officer@demo-borough.test");
        await StudioFixture.OpenAsync(officer, "/la/self-reviews");

        await officer.GetByLabel("Educational psychologist of Oakfield Primary").SelectOptionAsync(new SelectOptionValue { Label = "Jordan Reid" });

        await Expect(officer.Locator("[data-school='oakfield']").First).ToContainTextAsync("EP: Jordan Reid");
        var assigned = (await studio.Http.GetFromJsonAsync<JsonArray>("/api/boroughs/demo-borough/educational-psychologists"))!;
        Assert.Equal("Jordan Reid", (string?)assigned.Single(a => (string?)a!["schoolId"] == "oakfield")!["displayName"]);
    }
}
