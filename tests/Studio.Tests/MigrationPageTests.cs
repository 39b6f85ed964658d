using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests;

/// <summary>
/// The SENCo moves the pupils running their school's pathway to its new version on the versions page: the map filled in
/// for the stage of the same id, the renamed stage chosen from a dropdown, the preview's table, then the move with its
/// progress bar and result.
/// </summary>
public sealed class MigrationPageTests(StudioFixture studio)
{
    private const string Scope = "school:oakfield";

    [Fact]
    public async Task TheSenco_PreviewsAndMovesTheRunningPupils_ToTheNewVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        // The school's own pathway: any review moves a pupil from step 1 to step 2.
        var v1 = Definitions.Chain("moving", 4);
        v1 = v1 with { Transitions = v1.Transitions.Select(t => t.Id == "up-1" ? t with { Rule = null } : t).ToList() };
        // Starting a pupil asks for the default variant too; the school's own is the one its pupils run.
        await Definitions.ImportAsync(studio.Http, v1, publish: true);
        await ImportAsync(v1, ct);
        var pupils = new[] { await studio.StartPupilAsync("Ada Moss", "moving"), await studio.StartPupilAsync("Ben Reed", "moving"),
            await studio.StartPupilAsync("Cal Hart", "moving") };
        await studio.RaiseAsync(pupils[2].InstanceId, "review.completed", new { progress = "little" });
        // Version 2 renames step 2 and asks for a phone call to the parents in step 1.
        var v2 = v1 with
        {
            States = v1.States.Select(s => s.Id switch
            {
                "step-1" => s with { Tasks = [.. s.Tasks, new TaskDefinition { Id = "parent-call", Title = "Phone the parents", Role = "senco",
                    Due = new When { SchoolDays = 5 } }] },
                "step-2" => s with { Id = "targeted-support", Name = "Targeted support" },
                _ => s,
            }).ToList(),
            Transitions = v1.Transitions.Select(t => t with
            {
                From = t.From == "step-2" ? "targeted-support" : t.From, To = t.To == "step-2" ? "targeted-support" : t.To,
            }).ToList(),
        };
        await ImportAsync(v2, ct);

        var page = await studio.NewPageAsync();
        await StudioFixture.OpenAsync(page, "/definitions/moving/versions");
        await page.GetByTestId("move-pupils-open").ClickAsync();
        var map = page.GetByTestId("migration-map");
        await Expect(map.Locator("tr[data-state='step-1']")).ToContainTextAsync("2");
        await Expect(map.Locator("tr[data-state='step-1'] input")).ToHaveValueAsync("step-1");
        await Expect(map.Locator("tr[data-state='step-2'] input")).ToHaveValueAsync("");
        await map.GetByTestId("map-step-2").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Targeted support", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Targeted support", Exact = true })).ToHaveCountAsync(0);
        await Expect(map.Locator("tr[data-state='step-2'] input")).ToHaveValueAsync("targeted-support");
        await page.GetByTestId("migration-preview").ClickAsync();

        var preview = page.GetByTestId("migration-preview-table");
        await Expect(page.GetByTestId("migration-summary")).ToHaveTextAsync("3 of 3 pupils on version 2 will move to version 3.");
        var ada = preview.Locator($"tr[data-instance='{pupils[0].InstanceId}']");
        await Expect(ada).ToContainTextAsync("Ada Moss");
        await Expect(ada).ToContainTextAsync("Step 1 of the pathway (stays, since");
        await Expect(ada).ToContainTextAsync("Phone the parents (due");
        await Expect(preview.Locator($"tr[data-instance='{pupils[2].InstanceId}']")).ToContainTextAsync("Targeted support");
        await page.ScreenshotAsync(new() { Path = RepoPaths.Screenshot("migration-preview.png"), FullPage = true });

        await page.GetByTestId("migration-apply").ClickAsync();
        await Expect(page.GetByTestId("migration-result")).ToHaveTextAsync("Done: 3 moved to version 3, 0 skipped, 0 failed.");
        foreach (var (_, instance) in pupils)
        {
            var moved = (await studio.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}", ct))!;
            Assert.Equal(3, (int)moved["version"]!);
        }
        var cal = (await studio.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{pupils[2].InstanceId}", ct))!;
        Assert.Equal("targeted-support", (string?)cal["state"]);
        await Expect(page.GetByTestId("running-versions")).ToContainTextAsync("version 3: 3 pupils");
    }

    private async Task ImportAsync(WorkflowDefinition definition, CancellationToken ct)
    {
        var response = await studio.Http.PostAsync($"/api/definitions/import?publish=true&scope={Uri.EscapeDataString(Scope)}",
            new StringContent(DefinitionJson.Serialize(definition), System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
    }
}
