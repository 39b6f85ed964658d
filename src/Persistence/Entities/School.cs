namespace SendWorkflow.Persistence.Entities;

public sealed class School
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string BoroughId { get; set; } = "";
    /// <summary>
    /// The school's phase (<see cref="SchoolPhases"/>), which says in which year its pupils move on; when none is recorded,
    /// Year 6 and Year 11 (primary and secondary's).
    /// </summary>
    public string? Phase { get; set; }
    public DateTime CreatedAt { get; set; }
}
