namespace SendWorkflow.Studio.Tests;

/// <summary>The SENCo searches the audit log and finds who looked at a pupil's record.</summary>
public sealed class AuditPageTests(StudioFixture studio)
{
    [Fact]
    public async Task TheSenco_FindsTheirOwnLookAtAPupilsRecord_InTheAuditLog()
    {
        var (pupilId, _) = await studio.StartPupilAsync("Ada Audit");
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/pupils/{pupilId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Audit" })).ToBeVisibleAsync();

        await StudioFixture.OpenAsync(page, "/audit");
        await page.GetByLabel("Pupil id").FillAsync(pupilId);
        await page.GetByTestId("audit-search").ClickAsync();
        var read = page.Locator("[data-testid=audit] tr[data-action=read]");
        await Expect(read.First).ToContainTextAsync("Sam Patel");
        await Expect(read.First).ToContainTextAsync("Looked at");
    }
}
