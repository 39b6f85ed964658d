namespace SendWorkflow.Persistence.Entities;

/// <summary>A pupil. Special category data: never logged.</summary>
public sealed class Pupil
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string SchoolId { get; set; } = "";
    /// <summary>National curriculum year: -1 nursery, 0 reception, 1 to 14.</summary>
    public int YearGroup { get; set; }
    /// <summary>The pupil's class, e.g. "3 Oak": class teachers and TAs see the pupils of their classes.</summary>
    public string? ClassName { get; set; }
    /// <summary>Primary type of need as the school census codes it (SPLD, MLD, SLCN, SEMH, ASD, ...), once known.</summary>
    public string? PrimaryNeed { get; set; }
    public DateTime CreatedAt { get; set; }
}
