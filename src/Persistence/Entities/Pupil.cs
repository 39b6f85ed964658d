namespace SendWorkflow.Persistence.Entities;

/// <summary>A pupil. Special category data: never logged.</summary>
public sealed class Pupil
{
    public string Id { get; set; } = "";
    /// <summary>The legal name, as the school's MIS holds it.</summary>
    public string Name { get; set; } = "";
    /// <summary>The name the pupil goes by, when the MIS holds one that differs from the legal name.</summary>
    public string? PreferredName { get; set; }
    /// <summary>The unique pupil number (13 characters), unique in the school: how an import from the MIS finds the pupil.</summary>
    public string? Upn { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string SchoolId { get; set; } = "";
    /// <summary>National curriculum year: -1 nursery, 0 reception, 1 to 14.</summary>
    public int YearGroup { get; set; }
    /// <summary>
    /// The school year the year group is for, by the calendar year it starts in (2026 for 2026-27); none means the year
    /// the pupil was added in. Each 1 September moves the year group of those not yet moved up for the new year.
    /// </summary>
    public int? YearGroupFrom { get; set; }
    /// <summary>The pupil's class, e.g. "3 Oak": class teachers and TAs see the pupils of their classes.</summary>
    public string? ClassName { get; set; }
    /// <summary>Primary type of need as the school census codes it (SPLD, MLD, SLCN, SEMH, ASD, ...), once known.</summary>
    public string? PrimaryNeed { get; set; }
    /// <summary>The census SEN provision the MIS records: N none, K SEN support, E an EHC plan.</summary>
    public string? SenStatus { get; set; }
    /// <summary>
    /// Whether the pupil is looked after by a local authority (in care): the borough is told of their annual reviews and
    /// attends them. Kept by the SENCo, or from the MIS's "In Care" column.
    /// </summary>
    public bool LookedAfter { get; set; }
    public DateOnly? AdmittedOn { get; set; }
    /// <summary>The day the pupil left the school, once the MIS records it; their open work is closed only when the SENCo confirms.</summary>
    public DateOnly? LeftOn { get; set; }
    public DateTime CreatedAt { get; set; }
}
