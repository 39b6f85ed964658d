namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>
/// An import of the school's MIS export: while previewed, what applying it would do to the pupils as they are now; once
/// applied, what it did. Every list names the file's row, so the SENCo can find it in the spreadsheet.
/// </summary>
public sealed record PupilImportDto(
    Guid Id, string SchoolId, string? FileName, string Source, string Status, DateTime CreatedAt, DateTime? AppliedAt,
    DateTime? LeaversClosedAt, int Rows, IReadOnlyList<ImportColumn> Columns, IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<AddedPupil> Added, IReadOnlyList<ChangedPupil> Changed, int Unchanged, IReadOnlyList<Leaver> Leavers,
    IReadOnlyList<SkippedRow> Skipped, IReadOnlyList<BadRow> BadRows, IReadOnlyList<PupilNotInFile> NotInFile);

/// <summary>A pupil the service does not have yet; their id once the import is applied.</summary>
public sealed record AddedPupil(
    int Row, string? PupilId, string Upn, string Name, string? PreferredName, DateOnly DateOfBirth, int YearGroup, string? ClassName,
    string? SenStatus, string? PrimaryNeed, DateOnly? AdmittedOn);

/// <summary>A pupil whose details in the MIS differ from the service's, detail by detail.</summary>
public sealed record ChangedPupil(int Row, string PupilId, string Upn, string Name, IReadOnlyList<FieldChange> Changes);

/// <summary>One detail that changes, as people read it (dates in UK form); null for none.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>
/// A pupil the MIS says has left (a leaving date today or before) whose leaving is new or whose work is still open: that
/// work (the school's workflows; the LA's statutory ones go on) is closed only when the SENCo confirms.
/// </summary>
public sealed record Leaver(int Row, string PupilId, string Upn, string Name, DateOnly LeftOn, int OpenWorkflows);

/// <summary>A good row that is not imported, and why (a pupil who left before the service knew them).</summary>
public sealed record SkippedRow(int Row, string Upn, string Name, string Reason);

/// <summary>A pupil on the school's roll in the service whom the file does not list: told, never changed.</summary>
public sealed record PupilNotInFile(string PupilId, string? Upn, string Name);

/// <summary>Which leavers' open work to close: every leaver of the import with work still open, or those with these UPNs.</summary>
public sealed record CloseLeaversRequest(IReadOnlyList<string>? Upns);

/// <summary>What closing the leavers' open work did, pupil by pupil.</summary>
public sealed record LeaversClosed(Guid ImportId, IReadOnlyList<LeaverClosed> Pupils);

public sealed record LeaverClosed(string PupilId, string Upn, string Name, DateOnly LeftOn, int WorkflowsClosed, int TasksCancelled,
    int TimersCancelled);
