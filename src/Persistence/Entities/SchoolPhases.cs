namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// The phases a school may be, and the year in which its pupils move on to the next phase, which sets the deadline for an
/// EHC plan to name their next school or placement (SEND Regulations 2014, reg 18): 15 February for a move between school
/// phases, 31 March for a move from secondary school to post-16, and at least five months before a move between post-16
/// institutions (31 March, for the usual September start).
/// </summary>
public static class SchoolPhases
{
    public const string Nursery = "nursery";
    public const string Infant = "infant";
    public const string First = "first";
    public const string Junior = "junior";
    public const string Middle = "middle";
    public const string Primary = "primary";
    public const string Secondary = "secondary";
    public const string AllThrough = "all-through";
    public const string Special = "special";
    public const string Post16 = "post-16";

    public static readonly IReadOnlyList<string> All = [Nursery, Infant, First, Junior, Middle, Primary, Secondary, AllThrough, Special, Post16];

    /// <summary>The transfer of a pupil whose year is the last of their school's phase: to the next school phase (15 February).</summary>
    public const string NextPhase = "next-phase";
    /// <summary>The transfer from school to post-16 education, or between post-16 institutions (31 March).</summary>
    public const string ToPost16 = "post-16";

    /// <summary>
    /// The transfer a pupil in <paramref name="yearGroup"/> (-1 nursery, 0 reception, 1 to 14) makes at the end of this
    /// school year, by their school's phase: nursery to reception, infant to junior (Year 2), first to middle (Year 4), junior
    /// or primary to secondary and middle to upper (Year 6 and Year 8), secondary, all-through and special schools to
    /// post-16 (Year 11), a post-16 institution on (Year 13). A school whose phase is not recorded is taken as the common
    /// case: Year 6 to secondary, Year 11 to post-16. Null when the pupil stays.
    /// </summary>
    public static string? TransferOf(string? phase, int yearGroup) => (phase, yearGroup) switch
    {
        (Nursery, -1) or (Infant, 2) or (First, 4) or (Junior or Primary or null, 6) or (Middle, 8) => NextPhase,
        (Secondary or AllThrough or Special or null, 11) or (Post16, 13) => ToPost16,
        _ => null,
    };
}
