namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>A column of the file the import reads, and the detail it gives (one of <see cref="MisColumns"/>' names).</summary>
public sealed record ImportColumn(string Header, string Field);

/// <summary>
/// A good row of the file: a pupil as the school's MIS has them. A detail is null where the file has no such column or
/// the cell is blank.
/// </summary>
public sealed record MisPupil(
    int Row, string Upn, string Name, string? PreferredName, DateOnly DateOfBirth, int YearGroup, string? ClassName, string? SenStatus,
    string? PrimaryNeed, DateOnly? AdmittedOn, DateOnly? LeftOn, bool? LookedAfter = null);

/// <summary>A row that can't be imported, by its row number in the file (the header is row 1), with every reason.</summary>
public sealed record BadRow(int Row, string? Upn, IReadOnlyList<string> Reasons);

/// <summary>The file as read: which MIS it looks like, its columns, its good rows and its bad rows.</summary>
public sealed record MisFileContent(
    string Source, IReadOnlyList<ImportColumn> Columns, IReadOnlyList<string> IgnoredColumns, int Rows, IReadOnlyList<MisPupil> Pupils,
    IReadOnlyList<BadRow> BadRows)
{
    /// <summary>Whether the file has a column for the detail (a blank cell in it then means something).</summary>
    public bool Carries(string field) => Columns.Any(c => c.Field == field);
}
