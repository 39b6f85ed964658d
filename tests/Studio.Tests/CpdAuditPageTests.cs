using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Studio.Tests;

/// <summary>The SENCo works through the CPD audit in the Studio: rates a statement, makes it a priority, and finds it in the action plan.</summary>
public sealed class CpdAuditPageTests(StudioFixture studio)
{
    [Fact]
    public async Task TheSenco_RatesAStatement_MakesItAPriority_AndItIsInTheActionPlan()
    {
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/school/cpd-audit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1. Teaching assistants" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "10. SEND knowledge base" })).ToBeVisibleAsync();

        var statement = page.GetByRole(AriaRole.Group, new() { Name = "Strategically placed to have the most impact." });
        await statement.GetByRole(AriaRole.Radio, new() { Name = "Developing" }).CheckAsync();
        await statement.GetByLabel("Comment").FillAsync("TAs stay with one pupil all day.");
        await statement.GetByLabel("Make this a priority").CheckAsync();
        await statement.GetByLabel("Action (optional)").FillAsync("Deploy TAs by need, reviewed each half term");
        await statement.GetByLabel("Owner").FillAsync("Deputy head");
        await statement.GetByLabel("Due by").FillAsync("2027-02-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the audit" }).ClickAsync();

        await Expect(page.GetByTestId("cpd-audit-message")).ToContainTextAsync("1 priority in the action plan");
        await Expect(page.GetByTestId("training-needs")).ToContainTextAsync("Teaching assistants");
        var plan = (await studio.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/action-plan"))!["items"]!.AsArray();
        var action = plan.Single(i => (string?)i!["area"] == "Teaching assistants: Placed for impact")!;
        Assert.Equal(("Deploy TAs by need, reviewed each half term", "Deputy head", "2027-02-12", "cpd-audit"),
            ((string?)action["action"], (string?)action["owner"], (string?)action["dueOn"], (string?)action["source"]));

        // Opened again, the audit shows what was saved.
        await StudioFixture.OpenAsync(page, "/school/cpd-audit");
        statement = page.GetByRole(AriaRole.Group, new() { Name = "Strategically placed to have the most impact." });
        await Expect(statement.GetByRole(AriaRole.Radio, new() { Name = "Developing" })).ToBeCheckedAsync();
        await Expect(statement.GetByLabel("Owner")).ToHaveValueAsync("Deputy head");
    }

    [Fact]
    public async Task ACommentTooLong_IsShownBesideItsStatement_AndNothingIsSaved()
    {
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/school/cpd-audit");
        var statement = page.GetByRole(AriaRole.Group, new() { Name = "Interventions are specific, child-led and personalised." });
        await statement.GetByRole(AriaRole.Radio, new() { Name = "Secure" }).CheckAsync();
        await statement.GetByLabel("Comment").FillAsync(new string('x', 2001));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the audit" }).ClickAsync();

        await Expect(page.GetByTestId("cpd-audit-errors")).ToContainTextAsync("The audit was not saved");
        await Expect(statement).ToContainTextAsync("'Comment' must be at most 2000 characters.");
        var audit = (await studio.Http.GetFromJsonAsync<JsonObject>("/api/schools/oakfield/cpd-audit"))!;
        var int1 = audit["topics"]!.AsArray().SelectMany(t => t!["statements"]!.AsArray()).Single(s => (string?)s!["id"] == "int-1")!;
        Assert.Null((string?)int1["rating"]);
    }
}
