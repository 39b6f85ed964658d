namespace SendWorkflow.Studio.Tests;

/// <summary>
/// The SEN audit in the Studio: the LA officer schedules Oakfield's audit from the borough's page, lands on the audit's page
/// and draws its pupils there; the drawn pupils are listed with their stage and a link to their record.
/// </summary>
public sealed class SenAuditPageTests(StudioFixture studio)
{
    private const string Officer = "audits.officer@demo-borough.test";

    [Fact]
    public async Task TheLaOfficer_SchedulesASchoolsAudit_AndDrawsItsPupils()
    {
        var (_, pathway) = await studio.StartPupilAsync("Sam Sample");
        await studio.RaiseAsync(pathway, "assessment.requested", new { by = "school" });
        await studio.RaiseAsync(pathway, "plan.issued");
        await studio.RaiseAsync(pathway, "plan.ceased");
        await studio.CreateStaffAsync(Officer, "Audrey Officer", "la-officer");

        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, Officer);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Borough SEN audits" })).ToHaveAttributeAsync("href", "/la/sen-audits");
        await StudioFixture.OpenAsync(page, "/la/sen-audits");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SEN audits · Demo Borough" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("audit-schools")).ToContainTextAsync("Oakfield Primary");

        await page.GetByTestId("schedule-oakfield").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SEN audit · Oakfield Primary" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("audit-status")).ToHaveTextAsync("to schedule");
        await Expect(page.GetByTestId("audit-tasks")).ToContainTextAsync("Fix the day of the school's SEN audit");

        await page.GetByTestId("draw").ClickAsync();
        var rows = page.GetByTestId("sample").Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.InRange(await rows.CountAsync(), 1, 4);
        await Expect(rows.First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/pupils/"));
        await Expect(page.GetByTestId("sample")).ToContainTextAsync("SEN support");
        Assert.Empty(StudioFixture.CspViolations(page));
    }
}
