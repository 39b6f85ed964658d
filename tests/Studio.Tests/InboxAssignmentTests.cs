using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// Tasks to a person in the Studio (issue 17): the SENCo finds a class teacher's task among everyone's and assigns it to
/// the teacher, who signs in and finds it under "Assigned to me"; the teacher saves that view, and the queues page.
/// </summary>
public sealed class InboxAssignmentTests(StudioFixture studio)
{
    private const string Teacher = "wren.teacher@oakfield.test";

    [Fact]
    public async Task TheSenco_AssignsATaskInTheInbox_AndTheTeacherSeesItUnderAssignedToMe()
    {
        await EnsureTeacherAsync();
        var (pupilId, _) = await studio.StartPupilAsync("Tobias Fenwick-Hale", className: "2 Wren");

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/inbox");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Everyone's tasks" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Everyone's tasks" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.GetByLabel("Pupil's name").FillAsync("Fenwick");
        // The filter applied (the list redrawn) before a row's button is clicked: a click on a row being redrawn is lost.
        await Expect(page.Locator($"[data-testid=inbox] tr[data-pupil]:not([data-pupil='{pupilId}'])")).ToHaveCountAsync(0);
        var task = page.Locator($"[data-testid=inbox] tr[data-pupil='{pupilId}']").Filter(new() { HasText = "Start early intervention" });
        await Expect(task.GetByTestId("held-by")).ToHaveTextAsync("Any class-teacher");
        var panel = page.GetByTestId("assign-panel");
        // A click the page loses (its row redrawn under the pointer, seen once in a full run) is clicked again, as a person would.
        for (var attempt = 0; attempt < 3 && !await panel.IsVisibleAsync(); attempt++)
        {
            await task.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
            try
            {
                await panel.WaitForAsync(new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // Not open yet: click again (Playwright reports a wait that ran out as System.TimeoutException).
            }
        }
        await Expect(panel).ToContainTextAsync("Assign 'Start early intervention'");
        await panel.GetByTestId("assign-to").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Wendy Wren" }).ClickAsync();
        await panel.GetByLabel("Priority").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "High" }).ClickAsync();
        await panel.GetByTestId("assign-submit").ClickAsync();
        await Expect(page.GetByTestId("inbox-notice")).ToContainTextAsync("is assigned to Wendy Wren");
        await Expect(task.GetByTestId("held-by")).ToHaveTextAsync("Wendy Wren");
        await Expect(task).ToContainTextAsync("High");

        var teacher = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(teacher, Teacher);
        await Expect(teacher).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(teacher.GetByTestId("interactive")).ToBeAttachedAsync();
        var mine = teacher.GetByRole(AriaRole.Tab, new() { Name = "Assigned to me" });
        await Expect(mine).ToContainTextAsync("1");
        await mine.ClickAsync();
        var assigned = teacher.Locator($"[data-testid=inbox] tr[data-pupil='{pupilId}']");
        await Expect(assigned).ToHaveCountAsync(1);
        await Expect(assigned).ToContainTextAsync("Start early intervention");
        await Expect(assigned.GetByTestId("held-by")).ToHaveTextAsync("Wendy Wren");
        await Expect(assigned.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToBeVisibleAsync();
        await teacher.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("inbox-assigned-to-me.png") });

        // Her view, saved under a name of her own, opens again from the list after a reload; the SENCo has no such filter.
        await teacher.GetByLabel("Name for this view").FillAsync("My assigned work");
        await teacher.GetByTestId("save-filter").ClickAsync();
        await Expect(teacher.GetByTestId("inbox-notice")).ToContainTextAsync("Saved this view as 'My assigned work'");
        await StudioFixture.OpenAsync(teacher, "/inbox");
        await Expect(teacher.GetByRole(AriaRole.Tab, new() { Name = "My work" })).ToHaveAttributeAsync("aria-selected", "true");
        await teacher.GetByTestId("saved-filter-select").ClickAsync();
        await teacher.GetByRole(AriaRole.Option, new() { Name = "My assigned work" }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Tab, new() { Name = "Assigned to me" })).ToHaveAttributeAsync("aria-selected", "true");
        await StudioFixture.OpenAsync(page, "/inbox");
        await Expect(page.GetByTestId("saved-filter-select")).Not.ToContainTextAsync("My assigned work");
    }

    [Fact]
    public async Task TheSencosQueue_IsReadAPageAtATime()
    {
        for (var i = 0; i < 5; i++) await studio.StartPupilAsync($"Paging pupil {i}", className: "2 Wren");
        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/inbox");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Everyone's tasks" }).ClickAsync();
        await page.GetByLabel("Pupil's name").FillAsync("Paging pupil");
        await Expect(page.GetByTestId("page-status")).ToHaveTextAsync("Page 1 of 1 · 30 tasks");
        await page.GetByLabel("Per page").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "25", Exact = true }).ClickAsync();
        // Five pupils with six tasks each: two pages of 25.
        await Expect(page.GetByTestId("page-status")).ToHaveTextAsync("Page 1 of 2 · 30 tasks");
        await Expect(page.Locator("[data-testid=inbox] tbody tr")).ToHaveCountAsync(25);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.GetByTestId("page-status")).ToHaveTextAsync("Page 2 of 2 · 30 tasks");
        await Expect(page.Locator("[data-testid=inbox] tbody tr")).ToHaveCountAsync(5);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
    }

    private async Task EnsureTeacherAsync()
    {
        var exists = await studio.Http.PostAsJsonAsync("/api/auth/token", new { email = Teacher, password = StudioFixture.Password });
        if (!exists.IsSuccessStatusCode) await studio.CreateStaffAsync(Teacher, "Wendy Wren", "class-teacher", "2 Wren");
    }
}
