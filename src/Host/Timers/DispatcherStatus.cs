namespace SendWorkflow.Host.Timers;

/// <summary>
/// When the Quartz timer dispatcher last ran and how it went, for the readiness check; and the back-off after a full
/// or read-only disk (runs are skipped until then, so a full disk is not hammered every few seconds).
/// </summary>
public sealed class DispatcherStatus(TimeProvider time)
{
    private readonly object _lock = new();

    /// <summary>When this process started watching: a dispatcher that has not run yet is judged from here.</summary>
    public DateTimeOffset Since { get; } = time.GetUtcNow();

    public DateTimeOffset? LastRunAt { get; private set; }
    public string? LastProblem { get; private set; }
    public DateTimeOffset? BackOffUntil { get; private set; }
    private TimeSpan _backOff = TimeSpan.Zero;

    public bool ShouldSkip(DateTimeOffset now)
    {
        lock (_lock)
        {
            return BackOffUntil is { } until && now < until;
        }
    }

    public void Succeeded(DateTimeOffset at)
    {
        lock (_lock)
        {
            (LastRunAt, LastProblem, BackOffUntil, _backOff) = (at, null, null, TimeSpan.Zero);
        }
    }

    /// <summary>A run that could not write: the next runs wait 5 s, then 10 s, ... up to 30 s.</summary>
    /// <returns>Whether this is the first failure of a series (worth a log line).</returns>
    public bool Failed(DateTimeOffset at, string problem)
    {
        lock (_lock)
        {
            var first = _backOff == TimeSpan.Zero;
            _backOff = first ? TimeSpan.FromSeconds(5) : TimeSpan.FromTicks(Math.Min(_backOff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            (LastRunAt, LastProblem, BackOffUntil) = (at, problem, at + _backOff);
            return first;
        }
    }
}
