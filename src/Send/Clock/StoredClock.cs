namespace SendWorkflow.Send.Clock;

/// <summary>
/// Keeps the simulated clock in the database, so a restart carries on from where the clock stood rather than from
/// <c>Clock:Start</c>: it never goes back. With the system clock there is nothing to keep.
/// </summary>
/// <remarks>
/// On PostgreSQL every restore reads the row, since another host may have moved the clock. On SQLite this host is the
/// only one (a second is refused), so once the row has been read here nobody else changes it: later restores
/// read nothing, which spared the simulated year about 400 reads, one each time the clock moved.
/// </remarks>
public sealed class StoredClock(IDbContextFactory<SendWorkflowDbContext> factory, TimeProvider time, DatabaseSettings settings)
{
    // The clock held is at least the stored one, and only this host writes the row.
    private volatile bool _caughtUp;

    /// <summary>Moves the simulated clock on to where it stood before the restart, if that is later.</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        if (time is not SimulatedTimeProvider clock || _caughtUp) return;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Clock.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ClockState.RowId, ct) is { } stored)
        {
            var then = new DateTimeOffset(stored.Now, TimeSpan.Zero);
            if (then > clock.GetUtcNow()) clock.AdvanceTo(then);
        }
        _caughtUp = OnlyHost;
    }

    /// <summary>Records where the simulated clock stands now.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        if (time is not SimulatedTimeProvider clock) return;
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement, no read first: the row moves on, never back.
        var moved = await db.Clock.Where(c => c.Id == ClockState.RowId && c.Now < now)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Now, now), ct);
        if (moved == 0 && !await db.Clock.AnyAsync(c => c.Id == ClockState.RowId, ct))
        {
            db.Clock.Add(new ClockState { Now = now });
            await db.SaveChangesAsync(ct);
        }
    }

    private bool OnlyHost => settings.Provider == DatabaseProvider.Sqlite;
}
