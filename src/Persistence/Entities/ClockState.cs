namespace SendWorkflow.Persistence.Entities;

/// <summary>Where the simulated clock stands (one row): a restart carries on from here, never going back.</summary>
public sealed class ClockState
{
    public int Id { get; set; } = 1;
    public DateTime Now { get; set; }
}
