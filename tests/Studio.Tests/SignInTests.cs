using System.Net.Http.Json;

namespace SendWorkflow.Studio.Tests;

/// <summary>The Studio opens only to signed-in staff, and the designer only to the SENCo.</summary>
public sealed class SignInTests(StudioFixture studio)
{
    [Fact]
    public async Task SomeoneNotSignedIn_IsSentToSignIn_AndAWrongPasswordIsRefused()
    {
        var page = await studio.NewPageAsync(signedIn: false);
        await page.GotoAsync("/definitions/send-pathway/design");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl="));

        await page.GetByLabel("Email").FillAsync(StudioFixture.SencoEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync("The email or password is wrong");

        await page.GetByLabel("Email").FillAsync(StudioFixture.SencoEmail);
        await page.GetByLabel("Password").FillAsync(StudioFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/definitions/send-pathway/design$"));
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Sam Patel");
    }

    [Fact]
    public async Task AClassTeacher_CannotOpenTheDesigner()
    {
        (await studio.Http.PostAsJsonAsync("/api/users", new
        {
            email = "teacher@oakfield.test", displayName = "Jo Brown", role = "class-teacher", schoolId = "oakfield",
            classes = "3 Oak", password = StudioFixture.Password,
        })).EnsureSuccessStatusCode();
        var page = await studio.NewPageAsync(signedIn: false);
        await StudioFixture.SignInAsync(page, "teacher@oakfield.test");
        await page.GotoAsync("/definitions/send-pathway/design");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your role" })).ToBeVisibleAsync();
    }
}
