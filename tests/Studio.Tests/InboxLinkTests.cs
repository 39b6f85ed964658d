using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Studio.Tests;

/// <summary>The link a reminder email carries (<c>/inbox?task={id}</c>) opens that task's form, or says it is no longer open.</summary>
public sealed class InboxLinkTests(StudioFixture studio)
{
    [Fact]
    public async Task ALinkToATask_OpensItsForm_AndOnceDoneSaysSo()
    {
        var (_, instanceId) = await studio.StartPupilAsync("Octavia Linkwater", className: "2 Elm");
        await studio.AdvanceToReviewAsync(instanceId);
        var review = (await studio.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instanceId}&status=open"))!
            .First(t => (string?)t!["kind"] == "review")!;

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/inbox?task={review["id"]}");
        var form = page.GetByTestId("task-form");
        await Expect(form).ToContainTextAsync((string)review["title"]!);
        await Expect(form).ToContainTextAsync("Octavia Linkwater");

        (await studio.Http.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new { outcome = "expected" })).EnsureSuccessStatusCode();
        await StudioFixture.OpenAsync(page, $"/inbox?task={review["id"]}");
        await Expect(page.GetByTestId("inbox-notice")).ToContainTextAsync("no longer open");
        await Expect(page.GetByTestId("task-form")).ToHaveCountAsync(0);
    }
}
