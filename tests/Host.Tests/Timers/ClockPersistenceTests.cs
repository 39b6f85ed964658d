namespace SendWorkflow.Host.Tests.Timers;

/// <summary>The simulated clock is kept in the database: a restart carries on from where it stood, never back.</summary>
public sealed class ClockPersistenceTests
{
    [Fact]
    public async Task AfterARestart_TheSimulatedClockCarriesOn_FromWhereItStood()
    {
        var file = TestFiles.Database();
        await using (var first = await Pathway.StartAsync("2026-10-12", file))
        {
            await first.AdvanceToAsync("2026-12-01");
        }
        await using var second = await Pathway.StartAsync("2026-10-12", file);
        var clock = (await second.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!;
        Assert.StartsWith("2026-12-01", (string?)clock["now"], StringComparison.Ordinal);

        // A later start date moves it on; nothing moves it back.
        await second.DisposeAsync();
        await using var third = await Pathway.StartAsync("2027-01-04", file);
        Assert.StartsWith("2027-01-04", (string?)(await third.Http.GetFromJsonAsync<JsonObject>("/api/clock"))!["now"], StringComparison.Ordinal);
    }
}
