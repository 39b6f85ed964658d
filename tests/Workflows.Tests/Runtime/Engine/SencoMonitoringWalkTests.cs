using Microsoft.Extensions.Logging.Abstractions;
using SendWorkflow.Workflows.Stores.InMemory;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Workflows.Tests.Runtime.Engine;

/// <summary>
/// The shipped monitoring schedule run for 2026-27 on the demo borough's calendar: started on 1 September, every
/// activity is in the inbox at once, due by the end of its term; the year-end timer closes it on 31 August 2027.
/// </summary>
public class SencoMonitoringWalkTests
{
    private static readonly DateOnly AutumnEnds = new(2026, 12, 18);
    private static readonly DateOnly SpringEnds = new(2027, 3, 26);
    private static readonly DateOnly SummerEnds = new(2027, 7, 21);

    private static DateOnly EndOf(string term) => term switch
    {
        "autumn" => AutumnEnds,
        "spring" => SpringEnds,
        _ => SummerEnds,
    };

    [Fact]
    public async Task StartedOnTheFirstOfSeptember_EveryActivityIsATask_DueByTheEndOfItsTerm()
    {
        var world = new EngineWorld("2026-09-01").WithShipped("senco-monitoring");

        var instance = await world.StartAsync("senco-monitoring");

        Assert.Equal(("running", null, InstanceStatus.Active), (instance.State, instance.Stage, instance.Status));
        var tasks = world.Tasks(instance.Id, WorkTaskStatus.Open);
        Assert.Equal(30, tasks.Count);
        Assert.Equal([("autumn", 9), ("spring", 10), ("summer", 11)],
            tasks.GroupBy(t => t.DefinitionTaskId.Split('-')[^1]).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key));
        Assert.All(tasks, t =>
        {
            Assert.Equal(EndOf(t.DefinitionTaskId.Split('-')[^1]), t.DueOn);
            var form = t.DefinitionTaskId.StartsWith("governor-report-", StringComparison.Ordinal) ? "governor-meeting" : "monitoring";
            Assert.Equal((form, "senco"), (t.Form, t.EscalateTo));
        });
    }

    [Theory]
    [InlineData("governor-report-autumn", "senco", "2026-12-18", "2026-12-04")]
    [InlineData("governor-report-spring", "senco", "2027-03-26", "2027-03-12")]
    [InlineData("governor-report-summer", "senco", "2027-07-21", "2027-07-07")]
    [InlineData("language-link-reception-autumn", "class-teacher", "2026-12-18", "2026-12-04")]
    [InlineData("language-link-reception-summer", "class-teacher", "2027-07-21", "2027-07-07")]
    [InlineData("sats-concessions-spring", "class-teacher", "2027-03-26", "2027-03-12")]
    [InlineData("action-plan-review-summer", "senco", "2027-07-21", "2027-07-07")]
    [InlineData("sen-register-spring", "admin-support", "2027-03-26", "2027-03-12")]
    [InlineData("ipm-review-autumn", "class-teacher", "2026-12-18", "2026-12-04")]
    public async Task KeyActivities_HaveTheirRole_DueDate_AndWarningTenSchoolDaysBefore(string id, string role, string due, string warn)
    {
        var world = new EngineWorld("2026-09-01").WithShipped("senco-monitoring");

        var instance = await world.StartAsync("senco-monitoring");

        var task = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == id);
        Assert.Equal((role, Day(due), Day(warn)), (task.Role, task.DueOn, task.WarnOn));
    }

    [Fact]
    public async Task TheActionPlanReview_IsTheSencos_WithTheHeadteacher()
    {
        var world = new EngineWorld("2026-09-01").WithShipped("senco-monitoring");
        var definition = (await world.Catalog.GetPublishedAsync("senco-monitoring", CancellationToken.None)).Definition;

        var review = definition.State("running").Tasks.Single(t => t.Id == "action-plan-review-summer");

        Assert.Equal("senco", review.Role);
        Assert.Equal(["headteacher"], review.CompletedBy);
        Assert.Equal(["senco"], definition.CompletedBy);
    }

    [Fact]
    public async Task TheYearEndTimer_ClosesTheInstanceOnThirtyFirstAugust_AndCancelsWhatIsStillOpen()
    {
        var world = new EngineWorld("2026-09-01").WithShipped("senco-monitoring");
        var instance = await world.StartAsync("senco-monitoring");
        var yearEnd = world.Timers(instance.Id).Single(t => t.TimerId == "year-end");
        Assert.Equal(new DateOnly(2027, 8, 31), UkTime.DateOf(new DateTimeOffset(yearEnd.DueAt, TimeSpan.Zero)));
        var done = world.Tasks(instance.Id).Single(t => t.DefinitionTaskId == "governor-report-autumn");
        world.GoTo(new DateOnly(2026, 12, 10));
        await world.Engine.CompleteTaskAsync(new TaskCompletionRequest(done.Id, null, null, "senco-1",
            new Dictionary<string, string> { ["findings"] = "Provision map up to date", ["rating"] = "secure" }), CancellationToken.None);
        var dispatcher = new TimerDispatcher(new InMemoryTimerQueries(world.Store), world.Engine, NullLogger<TimerDispatcher>.Instance,
            new TimerDispatchOptions { PauseBetweenBatches = TimeSpan.Zero });

        world.GoTo(new DateOnly(2027, 8, 30));
        var dayBefore = await dispatcher.FireDueAsync(world.Clock.GetUtcNow(), CancellationToken.None);
        // Only the fortnightly line-management meetings fell due since December: the year's end has not come.
        Assert.Equal(19, dayBefore.Fired);
        Assert.Equal("running", world.Instance(instance.Id).State);

        world.GoTo(new DateOnly(2027, 8, 31));
        var onTheDay = await dispatcher.FireDueAsync(world.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, onTheDay.Fired);
        var closed = world.Instance(instance.Id);
        Assert.Equal(("closed", InstanceStatus.Closed), (closed.State, closed.Status));
        Assert.Empty(world.Tasks(instance.Id, WorkTaskStatus.Open));
        var cancelled = world.Tasks(instance.Id, WorkTaskStatus.Cancelled).ToLookup(t => t.Form == "line-management");
        Assert.Equal((29, 19), (cancelled[false].Count(), cancelled[true].Count()));
        Assert.Equal(WorkTaskStatus.Completed, world.Tasks(instance.Id).Single(t => t.Id == done.Id).Status);
        Assert.Contains("timer-fired", world.JournalKinds(instance.Id));
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
