namespace SendWorkflow.Studio.Tests;

/// <summary>The rule editor offers the names a rule can read as the SENCo types, and the server's parser checks the result.</summary>
public sealed class RuleEditorTests(StudioFixture studio)
{
    [Fact]
    public async Task TheEditorSuggestsAParameterAndAFactByName_AndPickingThemGivesARuleThatChecksClean()
    {
        await Definitions.ImportAsync(studio.Http, Definitions.Chain("suggestions-chain", 3), publish: true);
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/definitions/suggestions-chain/design");
        await Expect(Canvas.Ready(page)).ToBeVisibleAsync();
        await page.EvaluateAsync("([kind, id]) => window.pathwayCanvas.clicked(kind, id)", FirstArrow);
        await Expect(page.GetByTestId("transition-panel")).ToBeVisibleAsync();
        var rule = page.Locator("textarea[data-testid=rule-expression], [data-testid=rule-expression] textarea").First;
        var suggestions = page.GetByTestId("rule-suggestions");

        // A parameter, by a part of its name.
        await rule.FillAsync("facts.SchoolWeeksInStage >= review");
        await Expect(page.GetByTestId("rule-error")).ToBeVisibleAsync();
        var parameter = suggestions.Locator("[data-suggestion='params.reviewWeeks']");
        await Expect(parameter).ToContainTextAsync("parameter: 6 school weeks");
        await parameter.ClickAsync();
        await Expect(rule).ToHaveValueAsync("facts.SchoolWeeksInStage >= params.reviewWeeks");
        await Expect(suggestions).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("rule-ok")).ToBeVisibleAsync();

        // A fact, by the start of its name, then the rule finished by hand.
        await rule.FillAsync("facts.SchoolWeeksInStage >= params.reviewWeeks && facts.ReviewsWith");
        var fact = suggestions.GetByRole(AriaRole.Button, new() { Name = "facts.ReviewsWithoutProgress" });
        await Expect(fact).ToBeVisibleAsync();
        await fact.ClickAsync();
        await Expect(rule).ToHaveValueAsync("facts.SchoolWeeksInStage >= params.reviewWeeks && facts.ReviewsWithoutProgress");
        await Expect(rule).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(" >= 2");
        await Expect(rule).ToHaveValueAsync("facts.SchoolWeeksInStage >= params.reviewWeeks && facts.ReviewsWithoutProgress >= 2");
        await Expect(page.GetByTestId("rule-ok")).ToBeVisibleAsync();

        // The event's data is offered with the reader for its type.
        await rule.FillAsync("data.prog");
        await Expect(suggestions.Locator("[data-suggestion='data.Text(\"progress\")']")).ToContainTextAsync("recorded with review.completed");
    }

    private static readonly string[] FirstArrow = ["transition", "up-1"];
}
