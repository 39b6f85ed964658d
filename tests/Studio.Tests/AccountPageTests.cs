using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// A member of staff turns their morning digest email off on their account page (issue 17), and the API says it is off:
/// the page and <c>/api/me/settings</c> are one setting. This Studio sends no email, and the page says so.
/// </summary>
public sealed class AccountPageTests(StudioFixture studio)
{
    private const string Teacher = "ash.teacher@oakfield.test";

    [Fact]
    public async Task ATeacher_TurnsTheMorningDigestOff_OnTheirAccountPage()
    {
        await studio.CreateStaffAsync(Teacher, "Asha Ashdown", "class-teacher", "4 Ash");
        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, Teacher);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My account" })).ToHaveAttributeAsync("href", "/account");
        await StudioFixture.OpenAsync(page, "/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My account" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("email-off")).ToContainTextAsync("This service sends no email yet");
        var digest = page.GetByLabel("Morning digest");
        await Expect(digest).ToBeCheckedAsync();

        await digest.UncheckAsync();
        await Expect(page.GetByTestId("account-message")).ToHaveTextAsync("The morning digest is off.");
        Assert.False((bool)(await SettingsAsync())["digest"]!);

        await StudioFixture.OpenAsync(page, "/account");
        await Expect(page.GetByLabel("Morning digest")).Not.ToBeCheckedAsync();
    }

    private async Task<JsonObject> SettingsAsync()
    {
        var token = await studio.Http.PostAsJsonAsync("/api/auth/token", new { email = Teacher, password = StudioFixture.Password });
        using var teacher = new HttpClient { BaseAddress = studio.Http.BaseAddress };
        teacher.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (string)(await token.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!);
        return (await teacher.GetFromJsonAsync<JsonObject>("/api/me/settings"))!;
    }
}
