namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>
/// The column names SIMS, Arbor and Bromcom exports give a pupil's details, and the detail each means. A header is
/// matched without regard to case, spaces or punctuation ("Date of Birth", "DOB", "date_of_birth"). Some spellings
/// belong to one MIS, which is how a file is said to look like that MIS's export.
/// </summary>
public static class MisColumns
{
    public const string Upn = "upn";
    public const string LegalForename = "legalForename";
    public const string LegalSurname = "legalSurname";
    public const string LegalName = "legalName";
    public const string PreferredForename = "preferredForename";
    public const string PreferredSurname = "preferredSurname";
    public const string PreferredName = "preferredName";
    public const string DateOfBirth = "dateOfBirth";
    public const string YearGroup = "yearGroup";
    public const string ClassName = "className";
    public const string SenStatus = "senStatus";
    public const string PrimaryNeed = "primaryNeed";
    public const string AdmittedOn = "admittedOn";
    public const string LeftOn = "leftOn";
    public const string LookedAfter = "lookedAfter";

    public const string Sims = "SIMS", Arbor = "Arbor", Bromcom = "Bromcom", AnyMis = "MIS";

    private sealed record Alias(string Field, string Header, string? Mis = null);

    /// <summary>Every recognised header as people write it, with the MIS whose own spelling it is (null: more than one uses it).</summary>
    private static readonly Alias[] Aliases =
    [
        new(Upn, "UPN"), new(Upn, "Unique Pupil Number"), new(Upn, "Pupil UPN"), new(Upn, "Student UPN"),
        new(LegalForename, "Legal Forename"), new(LegalForename, "Legal First Name", Arbor), new(LegalForename, "Forename"),
        new(LegalForename, "Forenames"), new(LegalForename, "First Name", Arbor),
        new(LegalSurname, "Legal Surname"), new(LegalSurname, "Legal Last Name", Arbor), new(LegalSurname, "Surname"),
        new(LegalSurname, "Last Name", Arbor),
        new(LegalName, "Legal Name"), new(LegalName, "Name"), new(LegalName, "Full Name"), new(LegalName, "Pupil Name"),
        new(LegalName, "Student Name", Bromcom),
        new(PreferredForename, "Preferred Forename"), new(PreferredForename, "Preferred First Name", Arbor),
        new(PreferredForename, "Known As"),
        new(PreferredSurname, "Preferred Surname"), new(PreferredSurname, "Preferred Last Name", Arbor),
        new(PreferredName, "Preferred Name"), new(PreferredName, "Preferred Full Name"),
        new(DateOfBirth, "DOB"), new(DateOfBirth, "Date of Birth"), new(DateOfBirth, "Birth Date"),
        new(YearGroup, "Year"), new(YearGroup, "Year Group"), new(YearGroup, "NC Year", Bromcom), new(YearGroup, "NC Year Actual", Sims),
        new(YearGroup, "Year Taught In", Sims), new(YearGroup, "Curriculum Year"), new(YearGroup, "National Curriculum Year"),
        new(ClassName, "Reg Group", Sims), new(ClassName, "Registration Group", Sims), new(ClassName, "Registration Form", Arbor),
        new(ClassName, "Form", Arbor), new(ClassName, "Form Group"), new(ClassName, "Tutor Group", Bromcom), new(ClassName, "Class"),
        new(ClassName, "Reg Form"),
        new(SenStatus, "SEN Status"), new(SenStatus, "SEN Provision"), new(SenStatus, "SEN Provision Type"), new(SenStatus, "SEN Code"),
        new(PrimaryNeed, "Primary Need"), new(PrimaryNeed, "SEN Need Type", Sims), new(PrimaryNeed, "Primary SEN Need", Arbor),
        new(PrimaryNeed, "Primary SEN Type", Bromcom), new(PrimaryNeed, "Primary Type of Need"), new(PrimaryNeed, "SEN Need"),
        new(PrimaryNeed, "Primary SEN Need Type"),
        new(AdmittedOn, "Admission Date"), new(AdmittedOn, "Date of Admission"), new(AdmittedOn, "Adm Date", Sims),
        new(AdmittedOn, "Entry Date"), new(AdmittedOn, "Date of Entry"), new(AdmittedOn, "Start Date", Arbor),
        new(AdmittedOn, "Enrolment Date", Arbor),
        new(LeftOn, "Leaving Date"), new(LeftOn, "Date of Leaving"), new(LeftOn, "Leave Date"), new(LeftOn, "End Date", Arbor),
        new(LeftOn, "Date Left"),
        new(LookedAfter, "In Care", Sims), new(LookedAfter, "Looked After"), new(LookedAfter, "Child Looked After"),
        new(LookedAfter, "Looked After Child"), new(LookedAfter, "CLA"), new(LookedAfter, "LAC"), new(LookedAfter, "In LA Care"),
    ];

    private static readonly Dictionary<string, Alias> ByKey = Aliases.ToDictionary(a => Key(a.Header), StringComparer.Ordinal);

    /// <summary>What each detail is called in messages, and the headers that give it, for a file that has none of them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Upn] = "UPN", [LegalForename] = "legal forename", [LegalSurname] = "legal surname", [LegalName] = "legal name",
        [PreferredForename] = "preferred forename", [PreferredSurname] = "preferred surname", [PreferredName] = "preferred name",
        [DateOfBirth] = "date of birth", [YearGroup] = "year group", [ClassName] = "registration group", [SenStatus] = "SEN status",
        [PrimaryNeed] = "primary need", [AdmittedOn] = "date of admission", [LeftOn] = "leaving date", [LookedAfter] = "looked after",
    };

    /// <summary>The detail a header gives, or null for a column the import does not read (gender, admission number, ...).</summary>
    public static string? FieldOf(string header) => ByKey.GetValueOrDefault(Key(header))?.Field;

    /// <summary>The headers that give a detail, as a message lists them.</summary>
    public static IEnumerable<string> HeadersOf(string field) => Aliases.Where(a => a.Field == field).Select(a => a.Header);

    /// <summary>The MIS whose own spellings the headers use most, else "MIS".</summary>
    public static string SourceOf(IEnumerable<string> headers) =>
        headers.Select(h => ByKey.GetValueOrDefault(Key(h))?.Mis).OfType<string>()
            .GroupBy(m => m).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key ?? AnyMis;

    private static string Key(string header) =>
        new([.. header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
