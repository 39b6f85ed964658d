namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>
/// Reads one row of an MIS export into a pupil, checked by the same rules as a pupil typed in
/// (<see cref="PupilRules"/>), or into a bad row with every reason, each naming the file's own column.
/// </summary>
internal sealed class MisRowReader(IReadOnlyList<string> header, IReadOnlyDictionary<string, int> columns, DateOnly today)
{
    /// <summary>Rows whose date of birth is in the future: the file's dates can't be trusted, so it is refused whole.</summary>
    public List<(int Row, string Cell)> FutureBirthdays { get; } = [];

    public (MisPupil? Pupil, BadRow? Bad) Read(CsvRecord record)
    {
        var reasons = new List<string>();
        var problems = new ProblemCollector();
        if (record.Fields.Count > header.Count)
        {
            reasons.Add($"The row has {record.Fields.Count} cells but the header has {header.Count} " +
                "(is there a comma in a name without quotes around it?).");
        }
        var upn = Parse(record, MisColumns.Upn, MisValues.Upn, reasons);
        var name = LegalName(record, problems);
        var preferred = PreferredName(record, name, problems);
        var dateOfBirth = Parse(record, MisColumns.DateOfBirth, MisValues.Date, reasons);
        var yearGroup = Parse(record, MisColumns.YearGroup, MisValues.YearGroup, reasons);
        var className = Cell(record, MisColumns.ClassName)?.Trim() is { Length: > 0 } c ? c : null;
        var sen = Parse(record, MisColumns.SenStatus, MisValues.SenStatus, reasons);
        var need = Parse(record, MisColumns.PrimaryNeed, MisValues.PrimaryNeed, reasons);
        var admitted = Parse(record, MisColumns.AdmittedOn, MisValues.Date, reasons);
        var left = Parse(record, MisColumns.LeftOn, MisValues.Date, reasons);
        var lookedAfter = Parse(record, MisColumns.LookedAfter, MisValues.Flag, reasons);

        RequireCell(record, MisColumns.DateOfBirth, reasons);
        RequireCell(record, MisColumns.YearGroup, reasons);
        if (dateOfBirth is { } born && PupilRules.IsInFuture(born, today))
            FutureBirthdays.Add((record.Row, MisValues.Quote(Cell(record, MisColumns.DateOfBirth)!)));
        else
            problems.DateOfBirth(dateOfBirth, today, Header(MisColumns.DateOfBirth));
        problems.YearGroup(yearGroup, Header(MisColumns.YearGroup)).ClassName(className, Header(MisColumns.ClassName));
        if (left < admitted) reasons.Add($"The '{Header(MisColumns.LeftOn)}' is before the '{Header(MisColumns.AdmittedOn)}'.");
        reasons.InsertRange(0, problems.Problems.Select(p => p.Message));
        if (reasons.Count > 0 || upn is null || name is null || dateOfBirth is null || yearGroup is null)
            return (null, new BadRow(record.Row, upn, reasons));
        return (new MisPupil(record.Row, upn, name, preferred, dateOfBirth.Value, yearGroup.Value, className, sen, need, admitted, left,
            lookedAfter), null);
    }

    private string? LegalName(CsvRecord record, ProblemCollector problems)
    {
        if (columns.ContainsKey(MisColumns.LegalName))
        {
            var full = Cell(record, MisColumns.LegalName)!.Trim();
            problems.Name(full, Header(MisColumns.LegalName));
            return full.Length == 0 ? null : full;
        }
        var forename = Cell(record, MisColumns.LegalForename)!.Trim();
        var surname = Cell(record, MisColumns.LegalSurname)!.Trim();
        problems.Name(forename, Header(MisColumns.LegalForename), 100).Name(surname, Header(MisColumns.LegalSurname), 99);
        return forename.Length == 0 || surname.Length == 0 ? null : $"{forename} {surname}";
    }

    /// <summary>The name the pupil goes by, when the file says and it is not the legal name; a blank part is the legal one's.</summary>
    private string? PreferredName(CsvRecord record, string? legal, ProblemCollector problems)
    {
        string preferred;
        if (columns.ContainsKey(MisColumns.PreferredName))
        {
            preferred = Cell(record, MisColumns.PreferredName)!.Trim();
        }
        else if (columns.ContainsKey(MisColumns.PreferredForename) || columns.ContainsKey(MisColumns.PreferredSurname))
        {
            preferred = $"{Part(record, MisColumns.PreferredForename, MisColumns.LegalForename)} " +
                $"{Part(record, MisColumns.PreferredSurname, MisColumns.LegalSurname)}";
            preferred = preferred.Trim();
        }
        else
        {
            return null;
        }
        if (preferred.Length == 0 || string.Equals(preferred, legal, StringComparison.Ordinal)) return null;
        problems.Name(preferred, MisColumns.Labels[MisColumns.PreferredName]);
        return preferred;
    }

    /// <summary>A part of the preferred name, or the legal one's when it is blank or the file has no such column.</summary>
    private string? Part(CsvRecord record, string preferred, string legal) =>
        Cell(record, preferred)?.Trim() is { Length: > 0 } part ? part : Cell(record, legal)?.Trim();

    private void RequireCell(CsvRecord record, string field, List<string> reasons)
    {
        if (Cell(record, field)?.Trim().Length == 0) reasons.Add($"The '{Header(field)}' is missing.");
    }

    private T? Parse<T>(CsvRecord record, string field, Func<string, string, (T? Value, string? Problem)> parse, List<string> reasons)
    {
        if (Cell(record, field) is not { } cell) return default;
        var (value, problem) = parse(cell, Header(field));
        if (problem is not null) reasons.Add(problem);
        return value;
    }

    /// <summary>The row's cell for the detail: null when the file has no such column, empty when the row stops short of it.</summary>
    private string? Cell(CsvRecord record, string field) =>
        columns.TryGetValue(field, out var i) ? (i < record.Fields.Count ? record.Fields[i] : "") : null;

    private string Header(string field) => columns.TryGetValue(field, out var i) ? header[i] : MisColumns.Labels[field];
}
