using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace SendWorkflow.Studio.Tests;

/// <summary>The SENCo's page of meetings with parents: who has not been met this term comes first, and a meeting's letter downloads.</summary>
public sealed class ParentMeetingsPageTests(StudioFixture studio)
{
    /// <summary>A pupil moved to SEN support by the pathway's own events; returns the pathway's instance.</summary>
    private async Task<(string PupilId, string InstanceId)> SenSupportPupilAsync(string name)
    {
        var pupil = await studio.StartPupilAsync(name, className: "4 Ash");
        await studio.RaiseAsync(pupil.InstanceId, "assessment.requested", new { by = "school" });
        await studio.RaiseAsync(pupil.InstanceId, "plan.issued");
        await studio.RaiseAsync(pupil.InstanceId, "plan.ceased");
        return pupil;
    }

    [Fact]
    public async Task TheSenco_SeesWhoseParentsAreNotMetThisTermFirst_AndDownloadsAMeetingsLetter()
    {
        var met = await SenSupportPupilAsync("Isla Pemberton");
        var notMet = await SenSupportPupilAsync("Reuben Castellano");
        // A term on, the pathway's termly meeting with parents comes round for both.
        var instance = await studio.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{met.InstanceId}");
        var due = instance!["pendingTimers"]!.AsArray().Single(t => (string)t!["timer"]! == "parent-meeting")!["dueAt"]!.ToString();
        (await studio.Http.PostAsJsonAsync("/api/clock/advance", new { to = due })).EnsureSuccessStatusCode();
        var task = (await studio.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?pupilId={met.PupilId}&status=open"))!
            .Single(t => (string?)t!["title"] == "Termly meeting with parents")!["id"]!.ToString();
        (await studio.Http.PostAsJsonAsync($"/api/tasks/{task}/complete", new
        {
            form = new Dictionary<string, string>
            {
                ["attendees"] = "Mr Okafor (father), Sam Patel (SENCo)", ["agreed"] = "Isla uses a visual timetable in class.",
                ["nextSteps"] = "Review the timetable at the next meeting.",
            },
        })).EnsureSuccessStatusCode();

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Parent meetings" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/school/parent-meetings$"));
        var table = page.GetByTestId("parent-meetings");
        var metRow = table.Locator($"tr[data-pupil='{met.PupilId}']");
        await Expect(metRow).ToContainTextAsync("Met");
        await Expect(table.Locator($"tr[data-pupil='{notMet.PupilId}']")).ToContainTextAsync("Not met yet");
        var order = await table.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.pupil)");
        Assert.True(Array.IndexOf(order, notMet.PupilId) < Array.IndexOf(order, met.PupilId), string.Join(", ", order));

        var link = metRow.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Download the letter") });
        var day = (await link.InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]+ 20\d\d$", day);
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync()));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Oakfield Primary", text, StringComparison.Ordinal);
        Assert.Contains("Isla", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pemberton", text, StringComparison.Ordinal);
        Assert.Contains(day, text, StringComparison.Ordinal);
        Assert.Contains("Isla uses a visual timetable in class.", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);
    }
}
