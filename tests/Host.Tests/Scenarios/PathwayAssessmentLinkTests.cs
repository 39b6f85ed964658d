namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>Stage 5 of the pathway starts the statutory assessment; how it ends moves the pupil on.</summary>
public sealed class PathwayAssessmentLinkTests
{
    private static async Task<(string Pathway, string Assessment)> AtStage5Async(Pathway p)
    {
        var pathway = (string)(await p.StartPupilAsync())["id"]!;
        await p.RaiseAsync(pathway, "assessment.requested", new { by = "parent" });
        var pupil = (string)(await p.InstanceAsync(pathway))["pupilId"]!;
        var instances = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/pupils/{pupil}/instances"))!;
        var assessment = instances.Single(i => (string?)i!["definitionId"] == "ehcp-assessment")!;
        Assert.Equal("request-received", (string?)assessment["state"]);
        return (pathway, (string)assessment["id"]!);
    }

    [Fact]
    public async Task EnteringStage5_StartsTheAssessment_AndAPlanIssuedMovesThePupilToStage6()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var (pathway, assessment) = await AtStage5Async(p);
        Assert.Contains(await p.JournalAsync(pathway), j => (string?)j!["kind"] == "child-started");

        await p.RaiseAsync(assessment, "assessment.decided", new { assess = true, decidedOn = "2026-10-12", decidedBy = "LA officer" });
        Assert.Equal("statutory-assessment", (string?)(await p.InstanceAsync(pathway))["state"]);
        await p.AdvanceToAsync("2027-01-11");
        await p.RaiseAsync(assessment, "plan.decided", new { issue = true, decidedOn = "2027-01-11", decidedBy = "LA officer" });
        await p.AdvanceToAsync("2027-01-27");
        var issued = await p.RaiseAsync(assessment, "plan.issued", new { issuedOn = "2027-01-27", issuedBy = "LA officer" });

        Assert.Equal("plan-issued", (string?)issued["to"]);
        var pupilPathway = await p.InstanceAsync(pathway);
        Assert.Equal("ehcp", (string?)pupilPathway["state"]);
        Assert.Equal(6, (int?)pupilPathway["stage"]);
        var transition = (await p.JournalAsync(pathway)).Last(j => (string?)j!["kind"] == "transition")!;
        Assert.Equal("stage5-plan-issued", (string?)transition["data"]!["transition"]);
    }

    [Fact]
    public async Task TheLaDecidingNotToAssess_SendsThePupilBackToStage4()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var (pathway, assessment) = await AtStage5Async(p);
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = false, decidedOn = "2026-10-12", decidedBy = "LA panel" });
        Assert.Equal("sen-support-agencies", (string?)(await p.InstanceAsync(pathway))["state"]);
    }

    [Fact]
    public async Task NoPlanIssued_SendsThePupilBackToStage4()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var (pathway, assessment) = await AtStage5Async(p);
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = true, decidedOn = "2026-10-12", decidedBy = "LA officer" });
        await p.RaiseAsync(assessment, "plan.decided", new { issue = false, decidedOn = "2026-10-12", decidedBy = "LA panel" });
        Assert.Equal("sen-support-agencies", (string?)(await p.InstanceAsync(pathway))["state"]);
    }

    [Fact]
    public async Task AnAssessmentEndingAfterThePupilMovedOn_IsJournaled_AndMovesNothing()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var (pathway, assessment) = await AtStage5Async(p);
        await p.RaiseAsync(pathway, "plan.refused");
        await p.RaiseAsync(assessment, "assessment.decided", new { assess = false, decidedOn = "2026-10-12", decidedBy = "LA panel" });
        Assert.Equal("sen-support-agencies", (string?)(await p.InstanceAsync(pathway))["state"]);
        Assert.Contains(await p.JournalAsync(assessment), j => (string?)j!["kind"] == "parent-not-waiting");
    }
}
