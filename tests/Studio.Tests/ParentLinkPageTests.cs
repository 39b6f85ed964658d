using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// The parent's voice by a link in the browser: the SENCo makes a link on a stage-4 pupil's record and copies it, a
/// parent in a browser with no sign-in opens it, sees the child's first name only, and sends their views; the SENCo
/// sees the answer on the record "from the parent", with the parent-voice task done; a second link is revoked.
/// </summary>
public sealed class ParentLinkPageTests(StudioFixture studio)
{
    private const string Surname = "Pemberton-Quince";
    private const string Views = "Ava reads with her brother every evening and likes the new reading group.";

    [Fact]
    public async Task TheSencoMakesALink_TheParentAnswersWithoutAnAccount_AndTheSencoSeesTheAnswerOnTheRecord()
    {
        var (pupilId, instanceId) = await studio.StartPupilAsync($"Ava {Surname}");
        await studio.RaiseAsync(instanceId, "assessment.requested", new { by = "school" });
        await studio.RaiseAsync(instanceId, "plan.refused");

        var senco = await studio.NewPageAsync();
        await senco.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = studio.Host.BaseAddress });
        await StudioFixture.OpenAsync(senco, $"/pupils/{pupilId}");
        var panel = senco.GetByTestId("parent-links");
        await Expect(panel.GetByLabel("The answer completes 'Record the parent voice'", new() { Exact = false })).ToBeCheckedAsync();
        await panel.GetByTestId("create-parent-link").ClickAsync();
        var box = panel.GetByTestId("parent-link-url");
        await Expect(box).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/parent/[A-Za-z0-9_-]{43}$"));
        var url = await box.InputValueAsync();
        await panel.GetByTestId("copy-parent-link").ClickAsync();
        await Expect(panel).ToContainTextAsync("Copied");
        Assert.Equal(url, await senco.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Expect(panel.Locator("tr[data-state=open]")).ToContainTextAsync("Sam Patel");
        await panel.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("parent-link-panel.png") });

        // The parent: another browser, no sign-in, the link as it arrived.
        var parent = await studio.NewPageAsync(signedIn: false);
        await parent.GotoAsync(url);
        await Expect(parent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Oakfield Primary");
        await Expect(parent.Locator("main")).ToContainTextAsync("your views about Ava");
        Assert.DoesNotContain(Surname, await parent.ContentAsync(), StringComparison.Ordinal);
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send to the school" }).ClickAsync();
        // The browser itself asks for the views first (the box is required); nothing has gone.
        await Expect(parent.GetByTestId("parent-thanks")).ToHaveCountAsync(0);
        await parent.GetByLabel("Your views").FillAsync(Views);
        await parent.GetByLabel("Your comments on Ava's targets (optional)").FillAsync("The spelling target is hard at home.");
        await parent.GetByLabel("When could you meet us? (optional)").FillAsync("Thursdays after 3pm");
        await parent.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("parent-link-page.png"), FullPage = true });
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send to the school" }).ClickAsync();
        await Expect(parent.GetByTestId("parent-thanks")).ToContainTextAsync("The school has your views about Ava");
        Assert.Empty(StudioFixture.CspViolations(parent));
        await parent.GotoAsync(url);
        await Expect(parent.GetByTestId("parent-refused")).ToHaveTextAsync("This link can no longer be used; please contact the school.");

        // The SENCo, on the record: the answer from the parent, the task done, in the chronology.
        await StudioFixture.OpenAsync(senco, $"/pupils/{pupilId}");
        var used = senco.GetByTestId("parent-links").Locator("tr[data-state=used]");
        await Expect(used).ToContainTextAsync("from the parent");
        await Expect(used.GetByTestId("parent-answer")).ToContainTextAsync(Views);
        await Expect(used.GetByTestId("parent-answer")).ToContainTextAsync("Thursdays after 3pm");
        await Expect(senco.GetByTestId("chronology")).ToContainTextAsync("Completed 'Record the parent voice'. (from the parent)");
        var tasks = await studio.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?pupilId={pupilId}&status=open");
        Assert.DoesNotContain(tasks!, t => (string?)t!["title"] == "Record the parent voice");

        // A second link, for no task now that it is done, revoked before anyone uses it.
        await Expect(senco.GetByTestId("parent-link-for-task")).ToHaveCountAsync(0);
        await senco.GetByTestId("create-parent-link").ClickAsync();
        var second = await senco.GetByTestId("parent-link-url").InputValueAsync();
        Assert.NotEqual(url, second);
        await senco.GetByTestId("parent-links").Locator("tr[data-state=open]").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(senco.GetByTestId("parent-links").Locator("tr[data-state=revoked]")).ToContainTextAsync("Revoked");
        await parent.GotoAsync(second);
        await Expect(parent.GetByTestId("parent-refused")).ToBeVisibleAsync();
        Assert.Empty(StudioFixture.CspViolations(senco));
    }
}
