namespace SendWorkflow.Host.Commands;

/// <summary>
/// What the garbage collector did between two moments: its collections of each generation and the time it held every
/// managed thread, the single writer's among them. Beside a benchmark's figure it says how much of the wall time was
/// spent stopped.
/// </summary>
internal readonly record struct GcWork(int Young, int Middle, int Full, TimeSpan Paused, long Allocated)
{
    public static GcWork Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes());

    public GcWork Since() => Now() - this;

    public static GcWork operator -(GcWork a, GcWork b) =>
        new(a.Young - b.Young, a.Middle - b.Middle, a.Full - b.Full, a.Paused - b.Paused, a.Allocated - b.Allocated);

    /// <summary>"1,204 collections (1,150 young, 50 middle, 4 full), every thread stopped 0.81 s; 9,120 MiB allocated".</summary>
    public string Describe(string seconds)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        // A collection of an older generation counts in the younger ones' counts too.
        var collections = string.Create(c, $"{Young:N0} collections ({Young - Middle:N0} young, {Middle - Full:N0} middle, {Full:N0} full)");
        return $"{collections}, every thread stopped {Paused.TotalSeconds.ToString(seconds, c)} s; "
            + string.Create(c, $"{Allocated / 1024 / 1024:N0} MiB allocated");
    }
}
