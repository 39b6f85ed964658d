namespace SendWorkflow.Host.Tests.Timers;

/// <summary>The simulated clock moves on as real time would, even when something it meets on the way cannot be done.</summary>
public sealed class SimulatedClockTests
{
    [Fact]
    public async Task ATimerThatCannotFire_DoesNotStopTheDailyRoundsOfTheDaysAfterIt()
    {
        // The demo borough's term dates end on 21 July 2028: past them, the next of the SENCo's fortnightly line-management
        // meetings cannot be planned in school weeks, so that timer fails when it comes due (and stays pending, to be tried
        // again).
        await using var p = await Pathway.StartAsync("2028-06-05");
        (await p.Http.PostAsJsonAsync("/api/schools/oakfield/programmes", new { definitionId = "senco-monitoring", academicYear = "2027-28" }))
            .EnsureSuccessStatusCode();
        var pupil = await p.NewPupilAsync(yearGroup: 3);

        await p.AdvanceToAsync("2028-09-12");

        // Each day's round still ran: on 1 September the year groups moved up.
        Assert.Equal(4, (int)(await p.Http.GetFromJsonAsync<JsonObject>($"/api/pupils/{pupil}"))!["yearGroup"]!);
        Assert.Equal("2028-09-12", (string?)(await p.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!["today"]);
    }
}
