namespace SendWorkflow.Send.Workspace;

/// <summary>A column of a download: its CSV header (a key a program reads) and its Excel header (words a person reads).</summary>
public sealed record SheetColumn(string Key, string Label);

/// <summary>
/// One table of a school view as a download, defined once for the CSV and the Excel file so the two never disagree:
/// its name (the Excel sheet's), its columns and its rows (text, numbers and dates).
/// </summary>
public sealed record SheetTable(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
