using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Send.Clock;

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

    [Fact]
    public async Task ASave_NeverMovesTheStoredClockBack()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        var factory = p.Factory.Services.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        var stored = p.Factory.Services.GetRequiredService<StoredClock>();
        await stored.SaveAsync(CancellationToken.None);
        // Where another host's save could have put it (several hosts share the row on PostgreSQL): later than this host's clock.
        var later = new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Clock.ExecuteUpdateAsync(set => set.SetProperty(c => c.Now, later)));
        }

        await stored.SaveAsync(CancellationToken.None);

        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(later, (await check.Clock.SingleAsync(c => c.Id == ClockState.RowId)).Now);
    }
}
