using System.Net.Http.Json;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests;

/// <summary>Bad input gets a clear message on the page and publishes nothing; a second editor loses nothing.</summary>
public sealed class BadInputTests(StudioFixture studio)
{
    [Fact]
    public async Task Import_OfAMalformedFile_SaysWhy_AndImportsNothing()
    {
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/");
        await Expect(page.Locator("[data-definition='send-pathway']")).ToBeVisibleAsync();
        await page.GetByLabel("Choose a JSON file to import").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("{ \"id\": \"broken-pathway\", \"states\": [ { \"id\": \"a\", } ] }"),
        });
        var message = page.GetByTestId("definitions-message");
        await Expect(message).ToContainTextAsync("'broken.json' was not imported, and nothing was published");
        await Expect(message).ToContainTextAsync("not a valid definition");
        Assert.Null(await Definitions.PublishedVersionAsync(studio.Http, "broken-pathway"));
        await Expect(page.Locator("[data-definition='broken-pathway']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Publish_OfADraftWithAnArrowToAMissingState_IsRefused_AndTheProblemSelectsTheArrow()
    {
        var chain = Definitions.Chain("missing-state", 3);
        await Definitions.ImportAsync(studio.Http, chain, publish: true);
        var broken = chain with
        {
            Transitions = [.. chain.Transitions,
                new TransitionDefinition { Id = "to-nowhere", From = "step-1", To = "nowhere", On = "review.completed", Priority = 3 }],
        };
        (await studio.Http.PutAsJsonAsync("/api/definitions/missing-state/draft?scope=school:oakfield",
            System.Text.Json.JsonDocument.Parse(DefinitionJson.Serialize(broken)).RootElement))
            .EnsureSuccessStatusCode();

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/definitions/missing-state/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Problems (1)" }).ClickAsync();
        var problem = page.Locator("[data-testid=problem][data-target='to-nowhere']");
        await Expect(problem).ToContainTextAsync("goes to 'nowhere', which is not a state");
        await problem.ClickAsync();
        await Expect(page.Locator("[data-testid=canvas][data-selected='to-nowhere']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("transition-panel")).ToBeVisibleAsync();

        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("Not published");
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("goes to 'nowhere', which is not a state");
        Assert.Equal(1, await Definitions.PublishedVersionAsync(studio.Http, "missing-state"));
    }

    [Fact]
    public async Task Save_WithARuleThatDoesNotCompile_IsRefused_WithTheRulesError()
    {
        await Definitions.ImportAsync(studio.Http, Definitions.Chain("bad-rule", 3), publish: true);
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/definitions/bad-rule/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.pathwayCanvas.clicked('transition', 'up-1')");
        var rule = page.Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea").First;
        await rule.FillAsync("facts.SchoolWeeksInStage >>> 6");
        await Expect(page.GetByTestId("rule-error")).ToBeVisibleAsync();
        await page.GetByTestId("save").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("The draft was not saved");
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("up-1");
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("designer-message")).ToContainTextAsync("The draft was not saved");
        Assert.Equal(1, await Definitions.PublishedVersionAsync(studio.Http, "bad-rule"));
    }

    [Fact]
    public async Task TwoEditors_TheSecondSaveIsToldTheDraftChanged_AndLosesNothing()
    {
        await Definitions.ImportAsync(studio.Http, Definitions.Chain("two-editors", 3), publish: true);
        var first = await studio.NewPageAsync();
        var second = await studio.NewPageAsync();
        foreach (var page in new[] { first, second })
        {
            await StudioFixture.OpenAsync(page, "/definitions/two-editors/design");
            await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
            await page.EvaluateAsync("() => window.pathwayCanvas.clicked('state', 'step-2')");
        }
        await RenameAsync(first, "Renamed by the first editor");
        await first.GetByTestId("save").ClickAsync();
        await Expect(first.GetByTestId("designer-message")).ToContainTextAsync("Saved as draft version 2");

        await RenameAsync(second, "Renamed by the second editor");
        await second.GetByTestId("save").ClickAsync();
        await Expect(second.GetByTestId("designer-message")).ToContainTextAsync("Someone else saved this draft");
        await Expect(Canvas.State(second, "step-2")).ToContainTextAsync("Renamed by the second editor");

        await second.GetByRole(AriaRole.Button, new() { Name = "Save my version over theirs" }).ClickAsync();
        await Expect(second.GetByTestId("designer-message")).ToContainTextAsync("Saved as draft version 2");
        var draft = await studio.Http.GetStringAsync("/api/definitions/two-editors?version=latest&scope=school:oakfield");
        Assert.Contains("Renamed by the second editor", draft);
    }

    private static async Task RenameAsync(IPage page, string name)
    {
        var field = page.GetByLabel("State name");
        await field.FillAsync(name);
        await field.PressAsync("Tab");
        await Expect(Canvas.State(page, "step-2")).ToContainTextAsync(name);
    }
}
