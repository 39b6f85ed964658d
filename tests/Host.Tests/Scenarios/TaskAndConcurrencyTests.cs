using SendWorkflow.Persistence;

namespace SendWorkflow.Host.Tests.Scenarios;

public class TaskAndConcurrencyTests : ProviderSuite
{
    [Fact]
    public async Task CompletingAReviewTask_RaisesReviewCompleted_WithItsOutcome()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("sen-support");
        var tasks = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&status=open"))!;
        var review = tasks.Single(t => (string?)t!["kind"] == "review")!;
        Assert.Equal("2026-10-16", (string?)review["dueOn"]);
        Assert.Equal("review.completed", (string?)review["raises"]);

        var response = await p.Http.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new { outcome = "good", notes = "Targets met" });
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)body["transitioned"]!);
        Assert.Equal("initial-concern", (string?)body["to"]);
        Assert.Equal("completed", (string?)body["task"]!["status"]);
        var journal = await p.JournalAsync(id);
        Assert.Contains(journal, j => (string?)j!["kind"] == "task-completed");
        var again = await p.Http.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new { outcome = "good" });
        await Pathway.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(journal.Count, (await p.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task ARepeatingTargetReview_CreatesTheNextOneWhenCompleted()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("ehcp");
        var review = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&status=open"))!
            .Single(t => t!["title"]!.ToString().StartsWith("Review SEN targets", StringComparison.Ordinal))!;
        Assert.Equal("2026-10-16", (string?)review["dueOn"]);
        (await p.Http.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new { outcome = "expected" })).EnsureSuccessStatusCode();
        var next = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&status=open"))!
            .Single(t => t!["title"]!.ToString().StartsWith("Review SEN targets", StringComparison.Ordinal))!;
        Assert.Equal("2027-02-12", (string?)next["dueOn"]);
        Assert.Equal("ehcp", (string?)(await p.InstanceAsync(id))["state"]);
    }

    [Fact]
    public async Task AReviewTaskWithAnInvalidOutcome_Is422_AndStaysOpen()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = await p.PupilAtAsync("sen-support");
        var review = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&status=open"))!.Single(t =>
            (string?)t!["kind"] == "review")!;
        var response = await p.Http.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new { outcome = "amazing" });
        await Pathway.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var task = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{review["id"]}"))!;
        Assert.Equal("open", (string?)task["status"]);
    }

    [Fact]
    public async Task OverdueTasks_AreListed()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync())["id"]!;
        Assert.Empty((await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&overdue=true"))!);
        await p.AdvanceToAsync("2026-10-20");
        var overdue = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&overdue=true"))!;
        Assert.Equal(4, overdue.Count);
        Assert.All(overdue, t => Assert.Equal("2026-10-19", (string?)t!["dueOn"]));
        await Pathway.ProblemAsync(await p.Http.GetAsync("/api/tasks?status=lost"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ConcurrentEventsOnOneInstance_LoseNoUpdate()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync())["id"]!;
        await p.AdvanceToAsync("2026-10-14");
        const int n = 24;
        var responses = await Task.WhenAll(Enumerable.Range(0, n).Select(_ =>
            p.Http.PostAsJsonAsync($"/api/instances/{id}/events", new { name = "review.completed", data = new { progress = "expected" } })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var instance = await p.InstanceAsync(id);
        Assert.Equal(n, (int?)instance["facts"]!["reviewsInStage"]);
        var journal = await p.JournalAsync(id);
        Assert.Equal(n, journal.Count(j => (string?)j!["kind"] == "event"));
        Assert.Equal(n, journal.Count(j => (string?)j!["kind"] == "stayed"));
    }

    [Fact]
    public async Task ConcurrentEscalations_TransitionExactlyOnce()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync())["id"]!;
        await p.AdvanceToAsync("2026-11-30");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            p.Http.PostAsJsonAsync($"/api/instances/{id}/events", new { name = "review.completed", data = new { progress = "little" } })));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonObject>()));
        Assert.Equal(1, bodies.Count(b => (bool?)b!["transitioned"] == true && (string?)b["to"] == "initial-concern"));
        var instance = await p.InstanceAsync(id);
        Assert.Equal("initial-concern", (string?)instance["state"]);
        var journal = await p.JournalAsync(id);
        Assert.Single(journal, j => (string?)j!["kind"] == "transition");
        Assert.Single(journal, j => (string?)j!["kind"] == "tasks-cancelled");
    }
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class TaskAndConcurrencyTestsOnPostgres : TaskAndConcurrencyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
