namespace SendWorkflow.Send.Clock;

public sealed class ClockOptions
{
    /// <summary>System (real time) or Simulated (moved by POST /api/clock/advance).</summary>
    public string Mode { get; set; } = "System";
    /// <summary>Simulated start date (UK date; the clock starts at 08:00 UK time that day).</summary>
    public DateOnly? Start { get; set; }

    public bool IsSimulated => string.Equals(Mode, "Simulated", StringComparison.OrdinalIgnoreCase);
}
