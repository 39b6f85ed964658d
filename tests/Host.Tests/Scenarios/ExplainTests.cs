namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>"Why is this pupil still here?" through the API, on a real host and SQLite file, with a simulated clock.</summary>
public sealed class ExplainTests
{
    private static string Id(JsonObject o) => (string)o["id"]!;

    private static JsonObject Way(JsonObject explanation, string transition) =>
        explanation["transitions"]!.AsArray().Single(t => (string?)t!["transitionId"] == transition)!.AsObject();

    [Fact]
    public async Task APupilWhoCannotMoveYet_IsToldWhichConditionIsShort_AndByHowMuch()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var instance = await p.StartPupilAsync();
        await p.AdvanceToAsync("2026-11-16");

        var explanation = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{Id(instance)}/explain",
            TestContext.Current.CancellationToken))!;

        Assert.Equal(("cause-of-concern", "Cause of concern"), ((string?)explanation["state"], (string?)explanation["stateName"]));
        var escalate = Way(explanation, "stage1-no-progress");
        Assert.False((bool)escalate["holds"]!);
        Assert.Equal("review.completed", (string?)escalate["event"]);
        Assert.Equal("NoOrLittleProgressAfterEarlyIntervention", (string?)escalate["rule"]);
        var weeks = escalate["conditions"]!.AsArray()[0]!;
        Assert.Equal(("SchoolWeeksInStage", "4", ">=", "6", false),
            ((string?)weeks["subject"], (string?)weeks["value"], (string?)weeks["operator"], (string?)weeks["needs"], (bool)weeks["holds"]!));
        Assert.Contains("To move on to Initial concern when", (string?)escalate["words"]);
        Assert.Contains("school weeks in this stage must be at least 6: 4 now (not yet)", (string?)escalate["words"]);
        // A request for assessment depends on what is recorded with it; every way out of the state is listed.
        var request = Way(explanation, "stage1-assessment-requested");
        Assert.True((bool)request["dependsOnEvent"]!);
        Assert.Contains("what is recorded with it must give by parent or school", (string?)request["words"]);
        Assert.Equal(3, explanation["transitions"]!.AsArray().Count);
        Assert.Empty(explanation["findings"]!.AsArray());
    }

    [Fact]
    public async Task APupilWhoCanMove_IsToldEveryConditionIsMet()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var instance = await p.StartPupilAsync();
        await p.AdvanceToAsync("2026-11-02");
        var stayed = await p.ReviewAsync(Id(instance), "little");
        Assert.False((bool)stayed["transitioned"]!);
        await p.AdvanceToAsync("2026-11-30");

        var explanation = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{Id(instance)}/explain",
            TestContext.Current.CancellationToken))!;

        var escalate = Way(explanation, "stage1-no-progress");
        Assert.True((bool)escalate["holds"]!);
        Assert.All(escalate["conditions"]!.AsArray(), c => Assert.True((bool)c!["holds"]!));
        Assert.Contains("All of this holds now.", (string?)escalate["words"]);
        Assert.Contains("the last review's progress must be none or little: little now (met)", (string?)escalate["words"]);
        Assert.False((bool)Way(explanation, "stage1-good-progress")["holds"]!);
    }

    [Fact]
    public async Task Explaining_IsAudited_AndAnUnknownInstanceIs404()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var instance = await p.StartPupilAsync();

        (await p.Http.GetAsync($"/api/instances/{Id(instance)}/explain", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Pathway.ProblemAsync(await p.Http.GetAsync($"/api/instances/{Guid.NewGuid()}/explain", TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound);

        var audit = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/audit?pupilId={(string?)instance["pupilId"]}&action=read",
            TestContext.Current.CancellationToken))!;
        Assert.Contains(audit, a => (string?)a!["resource"] == "explanation" && (string?)a["resourceId"] == Id(instance));
    }
}
