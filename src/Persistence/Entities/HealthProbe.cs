namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// The readiness check's probe (one row): writing it proves the database takes writes now (a full or read-only disk
/// refuses it), which a read or a rolled-back write cannot show.
/// </summary>
public sealed class HealthProbe
{
    public int Id { get; set; } = 1;
    public DateTime CheckedAt { get; set; }
}
