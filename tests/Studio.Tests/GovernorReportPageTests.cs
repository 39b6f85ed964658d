using System.Text.RegularExpressions;

namespace SendWorkflow.Studio.Tests;

/// <summary>The SEN governor's termly report in the Studio: charts drawn under the strict CSP, figures, a PDF, and no names.</summary>
public sealed class GovernorReportPageTests(StudioFixture studio)
{
    [Fact]
    public async Task TheSenGovernor_OpensTheTermlyReport_SeesItsCharts_AndNoPupilsName()
    {
        string[] names = ["Persephone Ravenscroft", "Algernon Thistlewood"];
        var started = new List<string>();
        foreach (var name in names) started.Add((await studio.StartPupilAsync(name, className: "6 Ash")).InstanceId);
        await studio.RaiseAsync(started[0], "review.completed", new { progress = "expected" });
        await studio.CreateStaffAsync("sen.governor@oakfield.test", "Hugh Penrose", "sen-governor");

        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, "sen.governor@oakfield.test");
        await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Governor's report" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/school/governor-report$"));
        await Expect(page.GetByTestId("by-stage")).ToContainTextAsync("1: Cause of concern");
        await Expect(page.GetByTestId("report-intro")).ToContainTextAsync("Counts only");
        // Plotly has drawn both charts (its SVG inside each container), so its script loaded under the CSP.
        await Expect(page.GetByTestId("chart-stages").Locator("svg.main-svg").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-progress").Locator("svg.main-svg").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-progress")).ToContainTextAsync("Expected");
        await page.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("governor-report.png"), FullPage = true });
        Assert.Empty(StudioFixture.CspViolations(page));

        var href = await page.GetByTestId("pdf").GetAttributeAsync("href");
        Assert.Matches("^/api/schools/oakfield/reports/governor\\.pdf\\?year=20[0-9]{2}-[0-9]{2}&term=(autumn|spring|summer)$", href);
        var pdf = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        var text = await page.Locator("body").InnerTextAsync();
        var html = await page.ContentAsync();
        foreach (var name in names)
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
