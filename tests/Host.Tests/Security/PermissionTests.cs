using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>
/// Who may record which event and complete which task is the definition's to say: the LA's statutory decisions belong
/// to its officers, a school's steps to its staff. A refusal is a 403 that changes nothing and is audited.
/// </summary>
public class PermissionTests : ProviderSuite
{
    private async Task<(StaffWorld World, string Assessment)> AssessmentForAvaAsync()
    {
        var w = await WorldAsync();
        var requested = await w.As("senco").PostAsJsonAsync($"/api/instances/{w.Pathways["ava"]}/events",
            new { name = "assessment.requested", data = new { by = "school" } });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var instances = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/pupils/ava/instances"))!;
        var assessment = (string)instances.Single(i => (string?)i!["definitionId"] == "ehcp-assessment")!["id"]!;
        return (w, assessment);
    }

    private static async Task<string> StateAsync(StaffWorld w, string instance) =>
        (string)(await w.P.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}"))!["state"]!;

    [Fact]
    public async Task SchoolStaff_CannotMakeTheLasStatutoryDecisions_AndTheAttemptIsAudited()
    {
        var (w, assessment) = await AssessmentForAvaAsync();
        await using var _ = w;
        var decision = new { name = "assessment.decided", data = new { assess = false, decidedOn = "2026-10-12", decidedBy = "Me" } };

        foreach (var user in new[] { "ta", "teacher", "senco", "head" })
        {
            var response = await w.As(user).PostAsJsonAsync($"/api/instances/{assessment}/events", decision);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user}: {(int)response.StatusCode}");
            Assert.Contains("la-officer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal("request-received", await StateAsync(w, assessment));
        var denied = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/audit?pupilId=ava&action=denied"))!;
        Assert.Contains(denied, a => (string?)a!["userName"] == "The ta" && (int)a["status"]! == 403);

        var la = await w.As("la").PostAsJsonAsync($"/api/instances/{assessment}/events",
            new { name = "assessment.decided", data = new { assess = true, decidedOn = "2026-10-12", decidedBy = "Morgan" } });
        Assert.Equal(HttpStatusCode.OK, la.StatusCode);
        Assert.Equal("assessing", await StateAsync(w, assessment));
    }

    [Fact]
    public async Task AnEventTheWorkflowRaisesItself_IsNotRecordedByHand()
    {
        var (w, assessment) = await AssessmentForAvaAsync();
        await using var _ = w;
        var response = await w.As("la").PostAsJsonAsync($"/api/instances/{assessment}/events", new { name = "deadline.passed" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("raised by the workflow itself", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATeacher_CannotAskForAnAssessment_ButTheSencoCan()
    {
        await using var w = await WorldAsync();
        var request = new { name = "assessment.requested", data = new { by = "parent" } };
        Assert.Equal(HttpStatusCode.Forbidden,
            (await w.As("teacher").PostAsJsonAsync($"/api/instances/{w.Pathways["ava"]}/events", request)).StatusCode);
        Assert.Equal("cause-of-concern", await StateAsync(w, w.Pathways["ava"]));
        Assert.Equal(HttpStatusCode.OK, (await w.As("senco").PostAsJsonAsync($"/api/instances/{w.Pathways["ava"]}/events", request)).StatusCode);
        Assert.Equal("statutory-assessment", await StateAsync(w, w.Pathways["ava"]));
    }

    [Fact]
    public async Task ATask_IsCompletedByItsRole_OrThoseTheDefinitionNames_AndNoOneElse()
    {
        var (w, assessment) = await AssessmentForAvaAsync();
        await using var _ = w;
        var laTask = (await w.P.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={assessment}&status=open"))!
            .Single(t => (string?)t!["role"] == "la-officer")!;
        var refused = await w.As("teacher").PostAsJsonAsync($"/api/tasks/{laTask["id"]}/complete", new { notes = "done" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("open", (string?)(await w.P.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{laTask["id"]}"))!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await w.As("la").PostAsJsonAsync($"/api/tasks/{laTask["id"]}/complete", new { notes = "done" })).StatusCode);

    }

    [Fact]
    public async Task AClassTeachersTask_MayBeCompletedByTheSenco_ButNotByATeachingAssistant()
    {
        await using var w = await WorldAsync();
        var task = (await w.P.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={w.Pathways["ava"]}&status=open&role=class-teacher"))!
            .First()!;
        var byTa = await w.As("ta").PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { notes = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, byTa.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.As("senco").PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { notes = "x" })).StatusCode);
    }
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class PermissionTestsOnPostgres : PermissionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
