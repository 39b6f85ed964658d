using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>The statutory EHC needs assessment: limits in calendar weeks from the request, decisions with who and when.</summary>
public class EhcpAssessmentTests : ProviderSuite
{
    private static async Task<JsonArray> OpenTasksAsync(Pathway p, string id) =>
        (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&status=open"))!;

    [Fact]
    public async Task ARequestDecidedInWeek5_AndAPlanIssuedInWeek19_WalksTheStatutoryTimeline()
    {
        await using var p = await StartAsync("2026-10-12");
        var started = await p.StartPupilAsync("ehcp-assessment");
        var id = (string)started["id"]!;
        Assert.Equal("request-received", (string?)started["state"]);
        var decide = (await OpenTasksAsync(p, id))
            .Single(t => t!["title"]!.ToString().StartsWith("Decide whether to assess", StringComparison.Ordinal))!;
        Assert.Equal("2026-11-23", (string?)decide["dueOn"]);
        Assert.Equal("2026-11-18", (string?)decide["warnOn"]);
        Assert.Equal("la-officer", (string?)decide["role"]);
        var timers = started["pendingTimers"]!.AsArray().ToDictionary(t => (string)t!["timer"]!, t => (string)t!["dueOn"]!);
        Assert.Equal("2026-11-23", timers["decision-deadline"]);
        Assert.Equal("2027-03-01", timers["final-plan-deadline"]);

        await p.AdvanceToAsync("2026-11-13");
        var assess = await p.RaiseAsync(id, "assessment.decided", new { assess = true, decidedOn = "2026-11-13", decidedBy = "LA officer" });
        Assert.Equal("assessing", (string?)assess["to"]);
        var assessing = await p.InstanceAsync(id);
        Assert.Equal("2027-03-01",
            (string?)assessing["pendingTimers"]!.AsArray().Single(t => (string?)t!["timer"] == "final-plan-deadline")!["dueOn"]);
        Assert.Contains(await OpenTasksAsync(p, id), t => (string?)t!["dueOn"] == "2027-02-01" && (string?)t["role"] == "la-officer");

        await p.AdvanceToAsync("2027-01-11");
        Assert.Equal("draft-plan",
            (string?)(await p.RaiseAsync(id, "plan.decided", new { issue = true, decidedOn = "2027-01-11", decidedBy = "LA officer" }))["to"]);
        await p.AdvanceToAsync("2027-01-25");
        Assert.Equal("draft-plan", (string?)(await p.InstanceAsync(id))["state"]);
        await p.AdvanceToAsync("2027-01-26");
        Assert.Equal("consultation", (string?)(await p.InstanceAsync(id))["state"]);

        await p.AdvanceToAsync("2027-02-15");
        var issued = await p.RaiseAsync(id, "plan.issued", new { issuedOn = "2027-02-15", issuedBy = "LA officer" });
        Assert.Equal("plan-issued", (string?)issued["to"]);
        Assert.Equal("closed", (string?)issued["status"]);
        var journal = await p.JournalAsync(id);
        var decision = journal.First(j => (string?)j!["kind"] == "event")!;
        Assert.Equal("2026-11-13", (string?)decision["data"]!["decidedOn"]);
        Assert.Equal("LA officer", (string?)decision["data"]!["decidedBy"]);
    }

    [Fact]
    public async Task ADecisionDatedBeforeTheRequest_OrInTheFuture_IsRefused_AndChangesNothing()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync("ehcp-assessment"))["id"]!;
        var before = (await p.JournalAsync(id)).Count;
        var early = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events",
            new { name = "assessment.decided", data = new { assess = true, decidedOn = "2026-10-01", decidedBy = "LA officer" } });
        var problem = await Pathway.ProblemAsync(early, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("before", (string?)problem["errors"]![0]!["message"]);
        var future = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events",
            new { name = "assessment.decided", data = new { assess = true, decidedOn = "2026-12-01" } });
        var futureProblem = await Pathway.ProblemAsync(future, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, futureProblem["errors"]!.AsArray().Count);
        Assert.Equal(before, (await p.JournalAsync(id)).Count);
        Assert.Equal("request-received", (string?)(await p.InstanceAsync(id))["state"]);
    }

    [Fact]
    public async Task AFinalPlanBeforeTheDraft_IsRefused()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync("ehcp-assessment"))["id"]!;
        var response = await p.Http.PostAsJsonAsync($"/api/instances/{id}/events",
            new { name = "plan.issued", data = new { issuedOn = "2026-10-12", issuedBy = "LA officer" } });
        await Pathway.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheDecisionToAssess_NotMadeBy6Weeks_IsEscalatedToTheLaOfficer()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync("ehcp-assessment"))["id"]!;
        await p.AdvanceToAsync("2026-11-24");
        var escalation = (await OpenTasksAsync(p, id)).Single(t => (string?)t!["kind"] == "escalation")!;
        Assert.Equal("la-officer", (string?)escalation["role"]);
        var journal = await p.JournalAsync(id);
        Assert.Contains(journal, j => (string?)j!["kind"] == "timer-fired" && ((string?)j["detail"])!.Contains("decision-deadline"));
        Assert.Contains(journal, j => (string?)j!["kind"] == "task-overdue");
    }

    [Fact]
    public async Task TheLaDecidingNotToAssess_EndsTheAssessment()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync("ehcp-assessment"))["id"]!;
        var outcome = await p.RaiseAsync(id, "assessment.decided", new { assess = false, decidedOn = "2026-10-12", decidedBy = "LA panel" });
        Assert.Equal("not-assessed", (string?)outcome["to"]);
        Assert.Empty(await OpenTasksAsync(p, id));
    }
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class EhcpAssessmentTestsOnPostgres : EhcpAssessmentTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
