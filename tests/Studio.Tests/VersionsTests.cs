namespace SendWorkflow.Studio.Tests;

/// <summary>Version history, the diff between two versions, reverting, and a new pathway made from another.</summary>
public sealed class VersionsTests(StudioFixture studio)
{
    [Fact]
    public async Task Versions_ShowWhatChanged_AndRevertMakesANewDraft()
    {
        var chain = Definitions.Chain("history", 4);
        await Definitions.ImportAsync(studio.Http, chain, publish: true);
        var changed = chain with
        {
            States = chain.States.Select(s => s.Id == "step-2" ? s with { Name = "Targeted support" } : s).ToList(),
            Parameters = new() { ["reviewWeeks"] = chain.Parameters["reviewWeeks"] with { Default = 8 } },
            Transitions = chain.Transitions.Where(t => t.Id != "down-3").ToList(),
        };
        await Definitions.ImportAsync(studio.Http, changed, publish: true);

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/definitions/history/versions");
        await Expect(page.Locator("[data-testid=versions] tr[data-version]")).ToHaveCountAsync(2);
        await page.GetByTestId("compare").ClickAsync();
        var diff = page.GetByTestId("diff");
        await Expect(diff).ToContainTextAsync("name \"Step 2 of the pathway\" became \"Targeted support\"");
        await Expect(diff).ToContainTextAsync("Parameter reviewWeeks: 6 school weeks became 8 school weeks");
        await Expect(diff).ToContainTextAsync("Arrow from step-3 to step-2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Revert to version 1 as a new draft" }).ClickAsync();
        await Expect(page.GetByTestId("versions-message")).ToContainTextAsync("Version 1 was copied into draft version 3");
        await Expect(page.Locator("[data-testid=versions] tr[data-version='3']")).ToContainTextAsync("Draft");
        Assert.Equal(2, await Definitions.PublishedVersionAsync(studio.Http, "history"));
    }

    [Fact]
    public async Task NewFromAnExistingPathway_MakesADraftCopy_AndOpensIt()
    {
        await Definitions.ImportAsync(studio.Http, Definitions.Chain("original", 3), publish: true);
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/");
        await page.Locator("[data-definition='original']")
            .GetByRole(AriaRole.Button, new() { Name = "New pathway from Generated pathway of 3 states" }).ClickAsync();
        await page.GetByLabel("Name of the new pathway").FillAsync("Our school's pathway");
        await page.GetByLabel("Id (lower-case letters, digits and dashes)").FillAsync("our-pathway");
        await page.GetByLabel("Id (lower-case letters, digits and dashes)").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/definitions/our-pathway/design$"));
        await Expect(page.Locator("[data-testid=canvas][data-ready=true][data-nodes='3']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("version-status")).ToContainTextAsync("Editing draft version 1");
    }
}
