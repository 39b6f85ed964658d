namespace SendWorkflow.Host.Timers;

/// <summary>How often Quartz runs the timer dispatcher; null when the simulated clock drives it (no Quartz).</summary>
public sealed record DispatcherSchedule(TimeSpan? Interval);
