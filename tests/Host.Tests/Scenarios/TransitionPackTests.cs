namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>The July transition pack: the pupil's provision map, targets with their progress, stages and chronology, as a PDF.</summary>
public sealed class TransitionPackTests
{
    [Fact]
    public async Task ThePack_HoldsTheProvisionMap_TheTargetsSetAtEachReview_AndTheStages()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        (await p.Http.PostAsJsonAsync("/api/pupils", new
        {
            id = "ottilie", name = "Ottilie Brandreth", dateOfBirth = "2019-03-02", schoolId = "oakfield", yearGroup = 2, className = "2 Elm",
            primaryNeed = "SLCN",
        })).EnsureSuccessStatusCode();
        var instance = (await (await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = "ottilie" }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        (await p.Http.PostAsJsonAsync("/api/pupils/ottilie/provisions", new
        {
            intervention = "Talk Boost", entryCriteria = "Below age-related language", exitCriteria = "Speaks in full sentences",
            startsOn = "2026-10-12", deliveredBy = "SEN TA",
        })).EnsureSuccessStatusCode();
        var target = (await (await p.Http.PostAsJsonAsync("/api/pupils/ottilie/targets",
            new { text = "Names five feelings", successCriteria = "Names them from pictures, unprompted" })).Content
            .ReadFromJsonAsync<JsonObject>())!;
        await p.AdvanceToAsync("2026-11-30");
        var review = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instance["id"]}&status=open"))!
            .First(t => (string?)t!["raises"] == "review.completed")!;
        var completed = await p.Http.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new
        {
            form = new Dictionary<string, string>
            {
                [$"score.{target["id"]}"] = "0", ["progress"] = "little", ["notes"] = "Finds turn-taking hard.",
                ["nextTargets"] = "Take turns in a game of four\nAsk a why question",
            },
        });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());

        var response = await p.Http.GetAsync("/api/pupils/ottilie/transition-pack.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Pdf.Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Transition pack: Ottilie Brandreth", text);
        Assert.Contains("Oakfield Primary", text);
        Assert.Contains("Talk Boost", text);
        Assert.Contains("Take turns in a game of four", text);
        Assert.Contains("Names five feelings", text);
        Assert.Contains("open 0 (30", text);
        Assert.Contains("30 November 2026", text);
        Assert.Contains("Initial concern", text);
        Assert.Contains("Page 1 of", text);
        var audit = (await p.Http.GetFromJsonAsync<JsonArray>("/api/audit?pupilId=ottilie&action=read"))!;
        Assert.Contains(audit, a => (string?)a!["resource"] == "transition-pack");
    }

    [Fact]
    public async Task AnUnknownPupil_Is404()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");

        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/pupils/nobody/transition-pack.pdf"), HttpStatusCode.NotFound);
    }
}
