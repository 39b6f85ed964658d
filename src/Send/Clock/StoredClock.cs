namespace SendWorkflow.Send.Clock;

/// <summary>
/// Keeps the simulated clock in the database, so a restart carries on from where the clock stood rather than from
/// <c>Clock:Start</c>: it never goes back. With the system clock there is nothing to keep.
/// </summary>
public sealed class StoredClock(IDbContextFactory<SendWorkflowDbContext> factory, TimeProvider time)
{
    /// <summary>Moves the simulated clock on to where it stood before the restart, if that is later.</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        if (time is not SimulatedTimeProvider clock) return;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Clock.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ClockState.RowId, ct) is { } stored)
        {
            var then = new DateTimeOffset(stored.Now, TimeSpan.Zero);
            if (then > clock.GetUtcNow()) clock.AdvanceTo(then);
        }
    }

    /// <summary>Records where the simulated clock stands now.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        if (time is not SimulatedTimeProvider clock) return;
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Clock.FirstOrDefaultAsync(c => c.Id == ClockState.RowId, ct);
        if (row is null) db.Clock.Add(new ClockState { Now = now });
        else if (now > row.Now) row.Now = now;
        await db.SaveChangesAsync(ct);
    }
}
