using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Workflows.Calendars;

namespace SendWorkflow.Studio.Tests;

/// <summary>A SENCo asks why a pupil is still where they are, and the instance viewer says it in plain words.</summary>
public sealed class WhyHereTests(StudioFixture studio)
{
    [Fact]
    public async Task Senco_OpensAPupilAtStage1After4SchoolWeeks_AndReadsWhyTheyAreStillThere()
    {
        var (_, instanceId) = await studio.StartPupilAsync("Robin Reason");
        // 4 school weeks on from the day the pupil entered stage 1, in the borough's calendar: from Monday 12 October 2026
        // that is 16 November 2026, as half term falls between; other tests may have moved the shared clock on already.
        var instance = (await studio.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
        Assert.Equal("cause-of-concern", (string?)instance["state"]);
        var entered = UkTime.DateOf(DateTimeOffset.Parse((string)instance["enteredStateAt"]!, CultureInfo.InvariantCulture));
        var calendar = studio.Host.Services.GetRequiredService<CalendarRegistry>().ForBorough("demo-borough");
        var fourWeeksOn = calendar.AddSchoolDays(entered, 20);
        Assert.Equal(20, calendar.SchoolDaysBetween(entered, fourWeeksOn));
        await studio.AdvanceToAsync(fourWeeksOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, $"/instances/{instanceId}");
        var why = page.GetByTestId("why-here");
        await Expect(why.GetByRole(AriaRole.Heading, new() { Name = "Why here?", Level = 2 })).ToBeVisibleAsync();
        var escalation = why.Locator("[data-transition='stage1-no-progress']");
        await Expect(escalation.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("No or little progress after 6 school weeks");
        await Expect(escalation).ToContainTextAsync("school weeks in this stage must be at least 6: 4 now (not yet)");
        // Whether it holds is said in words, not only by a colour or a mark.
        await Expect(escalation.Locator(".verdict")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Not yet\\.$"));
        await Expect(why.Locator("[data-transition='stage1-assessment-requested']"))
            .ToContainTextAsync("Depends on what is recorded with the event");
        await Expect(why.GetByRole(AriaRole.Heading, new() { Name = "Findings that hold", Level = 3 })).ToBeVisibleAsync();
        await Expect(why.GetByTestId("findings-none")).ToBeVisibleAsync();
        await why.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("why-here.png") });
    }
}
