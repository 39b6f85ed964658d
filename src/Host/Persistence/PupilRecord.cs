namespace SendWorkflow.Host.Persistence;

/// <summary>A pupil. Special category data: never logged.</summary>
public sealed class PupilRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string SchoolId { get; set; } = "";
    /// <summary>National curriculum year: -1 nursery, 0 reception, 1 to 14.</summary>
    public int YearGroup { get; set; }
    public DateTime CreatedAt { get; set; }
}
