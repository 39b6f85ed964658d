namespace SendWorkflow.Studio.Tests;

/// <summary>A SENCo adds a finding in the designer, uses it in an arrow's rule, saves, and sees it on a pupil's record.</summary>
public sealed class FindingsDesignerTests(StudioFixture studio)
{
    [Fact]
    public async Task Senco_AddsAFinding_UsesItInARule_AndSaves_ButAFindingWithATypoIsRefusedByName()
    {
        await Definitions.ImportAsync(studio.Http, Definitions.Chain("findings-chain", 3), publish: true);
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/definitions/findings-chain/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();

        // Add the finding and write its rule.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Findings" }).ClickAsync();
        var panel = page.GetByTestId("findings-panel");
        await panel.GetByLabel("New finding id (e.g. persistent-concern)").FillAsync("Persistent concern");
        await panel.GetByLabel("New finding label (e.g. Persistent concern)").FillAsync("Persistent concern");
        await panel.GetByTestId("add-finding").ClickAsync();
        await Expect(panel.GetByTestId("new-finding-error")).ToContainTextAsync("lower-case letters, digits and dashes");
        await panel.GetByLabel("New finding id (e.g. persistent-concern)").FillAsync("persistent-concern");
        await panel.GetByTestId("add-finding").ClickAsync();
        var finding = panel.Locator("[data-finding='persistent-concern']");
        await Expect(finding.GetByRole(AriaRole.Heading, new() { Name = "Persistent concern" })).ToBeVisibleAsync();
        await Expect(finding).ToContainTextAsync("findings.PersistentConcern");
        var findingRule = finding.Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea");
        await findingRule.FillAsync("facts.Stage == 1 && findings.PersistentConcern");
        await Expect(finding.GetByTestId("rule-error")).ToBeVisibleAsync();
        await findingRule.FillAsync("facts.Stage == 1 && reviews.Count(r => r.WithoutProgress) >= 0");
        await Expect(finding.GetByTestId("rule-ok")).ToBeVisibleAsync();

        // Use it in an arrow's rule: the editor offers it, and the check knows the draft's findings.
        await page.EvaluateAsync("([kind, id]) => window.pathwayCanvas.clicked(kind, id)", FirstArrow);
        var rule = page.GetByTestId("transition-panel").Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea");
        await rule.FillAsync("facts.LastProgress == Progress.Little && Persistent");
        await page.GetByTestId("rule-suggestions").Locator("[data-suggestion='findings.PersistentConcern']").ClickAsync();
        await Expect(rule).ToHaveValueAsync("facts.LastProgress == Progress.Little && findings.PersistentConcern");
        await Expect(page.GetByTestId("rule-ok")).ToBeVisibleAsync();

        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("Saved as draft version");

        // A typo in the finding's rule: the save is refused, naming the finding.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Findings" }).ClickAsync();
        await findingRule.FillAsync("facts.Stag == 1");
        await Expect(finding.GetByTestId("rule-error")).ToContainTextAsync("Stage");
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("was not saved");
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("The finding 'persistent-concern' does not compile");

        // Put right and published, a pupil on the pathway shows the finding on their record.
        await findingRule.FillAsync("facts.Stage == 1");
        await Expect(finding.GetByTestId("rule-ok")).ToBeVisibleAsync();
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("Published version");
        var (pupilId, instanceId) = await studio.StartPupilAsync("Kit Finding", "findings-chain");
        await StudioFixture.OpenAsync(page, $"/pupils/{pupilId}");
        var record = page.GetByTestId("record-findings");
        await Expect(record.Locator($"[data-instance='{instanceId}'] [data-finding='persistent-concern']")).ToHaveTextAsync("Persistent concern");
        await StudioFixture.OpenAsync(page, $"/instances/{instanceId}");
        await Expect(page.GetByTestId("why-here").Locator("[data-finding='persistent-concern']")).ToContainTextAsync("Persistent concern");
    }

    private static readonly string[] FirstArrow = ["transition", "up-1"];
}
