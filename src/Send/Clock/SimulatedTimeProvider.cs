namespace SendWorkflow.Send.Clock;

/// <summary>A clock a person or a test moves forward; time never runs by itself and never goes back.</summary>
public sealed class SimulatedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => Workflows.Calendars.UkTime.Zone;

    public DateTimeOffset AdvanceTo(DateTimeOffset to)
    {
        lock (_gate)
        {
            if (to < _now) throw new ArgumentOutOfRangeException(nameof(to), "The simulated clock never goes back.");
            _now = to.ToUniversalTime();
            return _now;
        }
    }
}
