namespace SendWorkflow.Persistence.Entities;

/// <summary>Where the simulated clock stands (one row): a restart carries on from here, never going back.</summary>
public sealed class ClockState
{
    /// <summary>The one row's id.</summary>
    public const int RowId = 1;

    public int Id { get; set; } = RowId;
    public DateTime Now { get; set; }
}
