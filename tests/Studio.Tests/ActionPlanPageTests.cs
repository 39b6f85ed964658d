using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Studio.Tests;

/// <summary>The SENCo's year in the Studio: a monitoring activity done from the inbox, its follow-up action in the action plan.</summary>
public sealed class ActionPlanPageTests(StudioFixture studio)
{
    [Fact]
    public async Task TheSenco_CompletesAMonitoringActivity_AndSeesItsActionInTheActionPlan()
    {
        // The school's programme for the year of the shared clock, wherever other tests have moved it (another test may have
        // started it already).
        var clock = (await studio.Http.GetFromJsonAsync<JsonObject>("/api/clock", TestContext.Current.CancellationToken))!;
        var today = DateOnly.Parse((string)clock["today"]!, System.Globalization.CultureInfo.InvariantCulture);
        var first = today.Month >= 9 ? today.Year : today.Year - 1;
        var year = $"{first}-{(first + 1) % 100:00}";
        var started = await studio.Http.PostAsJsonAsync("/api/schools/oakfield/programmes",
            new { definitionId = "senco-monitoring", academicYear = year }, TestContext.Current.CancellationToken);
        Assert.True(started.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await started.Content.ReadAsStringAsync());

        // The inbox pages the shared school's many tasks: the activity is opened by its link, as a reminder email would.
        var programme = (await studio.Http.GetFromJsonAsync<JsonArray>("/api/schools/oakfield/programmes", TestContext.Current.CancellationToken))!
            .Single(x => (string?)x!["academicYear"] == year)!;
        var activity = (await studio.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={programme["instanceId"]}&status=open",
                TestContext.Current.CancellationToken))!
            .First(t => ((string)t!["title"]!).StartsWith("Scrutinise planning", StringComparison.Ordinal))!;
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/inbox?task={activity["id"]}");
        var form = page.GetByTestId("task-form");
        await Expect(form).ToContainTextAsync("For The school's programme");
        await form.GetByLabel("What was found").FillAsync("Differentiation is missing in two Year 5 plans.");
        await form.GetByLabel("Follow-up actions for the action plan (one per line)").FillAsync("Coach the Year 5 team on differentiated planning");
        await form.GetByTestId("submit-task").ClickAsync();
        await Expect(page.GetByTestId("completed-message")).ToContainTextAsync("Its follow-up actions are in the school's action plan.");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Action plan" }).ClickAsync();

        var row = page.Locator("[data-testid=plan] tr").Filter(new() { HasText = "Coach the Year 5 team on differentiated planning" });
        await Expect(row).ToContainTextAsync("Scrutinise planning for differentiation");
        await Expect(row).ToContainTextAsync("Monitoring");
        await page.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("action-plan.png") });
    }
}
