using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence;
using SendWorkflow.Send.Clock;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>Durable timers on the simulated clock: reviews fall due in school time, warn, go overdue and escalate.</summary>
public class TimerScenarioTests : ProviderSuite
{
    private static async Task<JsonArray> OpenTasksAsync(Pathway p, string instanceId) =>
        (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instanceId}&status=open"))!;

    private static async Task<JsonObject> AdvanceAsync(Pathway p, string to)
    {
        var response = await p.Http.PostAsJsonAsync("/api/clock/advance", new { to });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task AReviewFallsDueAfterSixSchoolWeeks_WarnsBeforeItIsDue_AndEscalatesToTheSencoWhenLeftUndone()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync())["id"]!;

        var beforeDue = await AdvanceAsync(p, "2026-11-29");
        Assert.Equal(0, (int)beforeDue["fired"]!);
        Assert.DoesNotContain(await OpenTasksAsync(p, id), t => (string?)t!["kind"] == "review");

        var due = await AdvanceAsync(p, "2026-11-30");
        Assert.Equal(1, (int)due["fired"]!);
        var review = (await OpenTasksAsync(p, id)).Single(t => (string?)t!["kind"] == "review")!;
        Assert.Equal("Review progress after 6 weeks of early intervention", (string?)review["title"]);
        Assert.Equal("class-teacher", (string?)review["role"]);
        Assert.Equal("2026-12-07", (string?)review["dueOn"]);
        Assert.Equal("2026-12-02", (string?)review["warnOn"]);
        Assert.False((bool)review["warned"]!);

        var warning = await AdvanceAsync(p, "2026-12-02");
        Assert.True((int)warning["warned"]! >= 1);
        var warned = (await p.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{review["id"]}"))!;
        Assert.True((bool)warned["warned"]!);

        await AdvanceAsync(p, "2026-12-07");
        Assert.DoesNotContain((await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&overdue=true"))!,
            t => (string?)t!["kind"] == "review");

        var overdue = await AdvanceAsync(p, "2026-12-08");
        Assert.True((int)overdue["escalated"]! >= 1);
        var listed = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}&overdue=true"))!;
        Assert.Contains(listed, t => (string?)t!["id"] == (string?)review["id"]);
        // Every overdue task is escalated (the stage's early actions, due in October, too); this one is the review's.
        var escalation = (await OpenTasksAsync(p, id))
            .Single(t => (string?)t!["kind"] == "escalation" && (string?)t["escalationOf"] == (string?)review["id"])!;
        Assert.Equal("senco", (string?)escalation["role"]);
        Assert.Equal((string?)review["id"], (string?)escalation["escalationOf"]);
        Assert.Equal("2026-12-10", (string?)escalation["dueOn"]);
        var journal = await p.JournalAsync(id);
        Assert.Single(journal, j => (string?)j!["kind"] == "task-overdue" && ((string?)j["detail"])!.Contains("Review progress"));
        Assert.Contains(journal, j => (string?)j!["kind"] == "timer-fired");

        // The round runs every day, but an overdue task is escalated once.
        var later = await AdvanceAsync(p, "2026-12-11");
        Assert.Single((await p.JournalAsync(id)), j => (string?)j!["kind"] == "task-overdue" && ((string?)j["detail"])!.Contains("Review progress"));
        Assert.Single((await OpenTasksAsync(p, id)), t => (string?)t!["kind"] == "escalation" && (string?)t["escalationOf"] == (string?)review["id"]);
        Assert.NotNull(later);

        // Done late, the review takes its escalation out of the SENCo's inbox; the other late tasks' escalations stay.
        var others = (await OpenTasksAsync(p, id)).Count(t => (string?)t!["kind"] == "escalation") - 1;
        (await p.Http.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new { outcome = "expected", notes = "On track now" }))
            .EnsureSuccessStatusCode();
        var open = await OpenTasksAsync(p, id);
        Assert.DoesNotContain(open, t => (string?)t!["escalationOf"] == (string?)review["id"]);
        Assert.Equal(others, open.Count(t => (string?)t!["kind"] == "escalation"));
        Assert.Contains(await p.JournalAsync(id), j => (string?)j!["kind"] == "task-completed"
            && ((string?)j["detail"])!.Contains("Overdue since 7 December 2026: Review progress", StringComparison.Ordinal)
            && ((string?)j["detail"])!.Contains("the late task has been done", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CompletingTheReviewTaskWithLittleProgress_MovesThePupilOn_AndStartsTheNextStagesTimers()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync())["id"]!;
        await AdvanceAsync(p, "2026-11-30");
        var review = (await OpenTasksAsync(p, id)).Single(t => (string?)t!["kind"] == "review")!;

        var done = await p.Http.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new { outcome = "little", notes = "Reading age unchanged" });
        var body = (await done.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("initial-concern", (string?)body["to"]);
        var instance = await p.InstanceAsync(id);
        var timers = instance["pendingTimers"]!.AsArray().ToDictionary(t => (string)t!["timer"]!, t => (string)t!["dueOn"]!);
        Assert.Equal("2027-01-26", timers["progress-review"]);
        Assert.Equal("2027-03-26", timers["parent-review"]);
    }

    [Fact]
    public async Task ARepeatingTimer_FiresEverySixSchoolWeeks_AndCreatesAReviewEachTime()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync())["id"]!;
        await p.AdvanceToAsync("2026-11-30");
        await p.ReviewAsync(id, "little");

        var first = await AdvanceAsync(p, "2027-01-26");
        Assert.Equal(1, (int)first["fired"]!);
        var second = await AdvanceAsync(p, "2027-03-16");
        Assert.Equal(1, (int)second["fired"]!);

        var reviews = (await p.Http.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={id}"))!
            .Where(t => (string?)t!["title"] == "Six-weekly review in the progress meeting").ToList();
        Assert.Equal(2, reviews.Count);
        var instance = await p.InstanceAsync(id);
        var next = instance["pendingTimers"]!.AsArray().Single(t => (string?)t!["timer"] == "progress-review")!;
        Assert.Equal("2027-05-12", (string?)next["dueOn"]);
    }

    [Fact]
    public async Task TimersOfAStateThePupilLeft_OrOfAMissingInstance_AreCancelledAndJournaled_NeverFired()
    {
        await using var p = await StartAsync("2026-10-12");
        var id = (string)(await p.StartPupilAsync())["id"]!;
        var ghost = Guid.NewGuid();
        // Written behind the engine's back, as a crash or an old bug might have left them: the model's own context, so the
        // rows are right on either database.
        var contexts = p.Factory.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            foreach (var (instance, state) in new[] { (Guid.Parse(id), "ehcp"), (ghost, "cause-of-concern") })
            {
                db.Timers.Add(new WorkflowTimer
                {
                    Id = Guid.NewGuid(), InstanceId = instance, State = state, TimerId = "annual-review",
                    DueAt = new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc), Raises = "review.due", Status = TimerStatus.Pending,
                    CreatedAt = new DateTime(2026, 10, 12, 7, 0, 0, DateTimeKind.Utc),
                });
            }
            await db.SaveChangesAsync();
        }

        var result = await AdvanceAsync(p, "2026-10-21");

        Assert.Equal(0, (int)result["fired"]!);
        Assert.Equal(2, (int)result["cancelled"]!);
        var journal = await p.JournalAsync(id);
        var cancelled = Assert.Single(journal, j => (string?)j!["kind"] == "timer-cancelled")!;
        Assert.Contains("left", (string?)cancelled["detail"]);
        Assert.DoesNotContain(await OpenTasksAsync(p, id),
            t => t!["title"]!.ToString().StartsWith("Hold the annual review", StringComparison.Ordinal));
        Assert.Equal("cause-of-concern", (string?)(await p.InstanceAsync(id))["state"]);
    }

    [Fact]
    public async Task TimersThatFellDueWhileTheServiceWasDown_FireAtStartUp()
    {
        var file = TestFiles.Database();
        string id;
        await using (var before = await StartAsync("2026-10-12", databaseFile: file))
        {
            id = (string)(await before.StartPupilAsync())["id"]!;
        }
        await using var after = await StartAsync("2026-12-01", databaseFile: file);

        var instance = await after.InstanceAsync(id);
        // The 6-weekly review fired on 30 November and set itself again 6 school weeks on.
        Assert.Equal("2027-01-26", (string?)Assert.Single(instance["pendingTimers"]!.AsArray())!["dueOn"]);
        Assert.Contains(instance["openTasks"]!.AsArray(), t => (string?)t!["kind"] == "review");
        Assert.Single(await after.JournalAsync(id), j => (string?)j!["kind"] == "timer-fired");
    }

    [Theory]
    [InlineData("2026-10-24T12:00:00Z", "2026-10-25T07:00:00Z")]
    [InlineData("2026-10-24T05:30:00Z", "2026-10-24T06:00:00Z")]
    [InlineData("2027-03-27T12:00:00Z", "2027-03-28T06:00:00Z")]
    [InlineData("2027-01-10T07:00:00Z", "2027-01-11T07:00:00Z")]
    public void TheDailyDeadlineRound_IsAt0700UkTime_AcrossTheClockChanges(string after, string expected)
    {
        Assert.Equal(
            DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture),
            SimulatedClock.NextSweepAfter(DateTimeOffset.Parse(after, CultureInfo.InvariantCulture)));
    }
}

/// <summary>The same suite on PostgreSQL.</summary>
public sealed class TimerScenarioTestsOnPostgres : TimerScenarioTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
