using System.Globalization;

namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>
/// Reads a CSV export of the school's MIS into pupils. A file that can't be an export of pupils (not CSV, no column
/// the import knows, a required column missing, no rows), or whose rows can't all be trusted (a UPN on two rows, a date
/// of birth in the future: the dates are likely read the wrong way round) is refused whole, with every problem listed.
/// Otherwise each row is a pupil or a bad row with its reasons, and the good rows can be applied without the bad.
/// </summary>
public static class MisFile
{
    /// <summary>The largest file taken: a secondary school's 1,500 pupils are about 200 KB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly string[] Required = [MisColumns.Upn, MisColumns.DateOfBirth, MisColumns.YearGroup];

    public static MisFileContent Read(ReadOnlySpan<byte> bytes, DateOnly today)
    {
        var (text, notText) = CsvText.Decode(bytes);
        if (notText is not null) throw Refused([FileProblem(notText)]);
        var (records, unreadable) = CsvText.Parse(text!);
        if (unreadable is not null) throw Refused([FileProblem(unreadable)]);
        if (records.Count == 0) throw Refused([FileProblem("The file has no rows.")]);

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var problems = new List<Problem>();
        var columns = Columns(header, problems);
        if (problems.Count > 0) throw Refused(problems);
        if (records.Count == 1) throw Refused([FileProblem("The file has its header row but no pupils.")]);

        var rows = new MisRowReader(header, columns, today);
        var pupils = new List<MisPupil>();
        var bad = new List<BadRow>();
        foreach (var record in records.Skip(1))
        {
            var (pupil, badRow) = rows.Read(record);
            if (pupil is not null) pupils.Add(pupil);
            if (badRow is not null) bad.Add(badRow);
        }
        problems.AddRange(rows.FutureBirthdays.Select(r => RowProblem(r.Row,
            $"Row {r.Row}: the date of birth {r.Cell} is in the future (are the file's dates day/month/year?).")));
        problems.AddRange(pupils.Select(p => (p.Upn, p.Row)).Concat(bad.Where(b => b.Upn is not null).Select(b => (Upn: b.Upn!, b.Row)))
            .GroupBy(u => u.Upn, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => RowProblem(g.Min(u => u.Row),
                $"UPN {g.Key} is on rows {Rows(g.Select(u => u.Row).Order())}: each pupil must be on one row.")));
        if (problems.Count > 0) throw Refused(problems);
        return new MisFileContent(MisColumns.SourceOf(header), [.. columns.Select(c => new ImportColumn(header[c.Value], c.Key))],
            [.. header.Where(h => h.Length > 0 && MisColumns.FieldOf(h) is null)], records.Count - 1, pupils, bad);
    }

    /// <summary>Each detail the file gives, with the column it is in; every problem of the header is added.</summary>
    private static Dictionary<string, int> Columns(List<string> header, List<Problem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (MisColumns.FieldOf(header[i]) is not { } field) continue;
            if (columns.TryGetValue(field, out var first))
            {
                problems.Add(FileProblem(
                    $"Two columns give the {MisColumns.Labels[field]}: '{header[first]}' and '{header[i]}'. Remove one of them."));
            }
            else
            {
                columns[field] = i;
            }
        }
        if (columns.Count == 0)
        {
            var shown = string.Join(", ", header.Where(h => h.Length > 0).Take(20).Select(MisValues.Quote));
            problems.Add(FileProblem($"None of the file's columns is one the import reads (it has {(shown.Length == 0 ? "none" : shown)}). " +
                "An MIS export of pupils has columns such as UPN, Legal Surname, Legal Forename, DOB, Year and Reg Group."));
            return columns;
        }
        foreach (var field in Required.Where(f => !columns.ContainsKey(f)))
            problems.Add(Missing(field));
        if (!columns.ContainsKey(MisColumns.LegalName))
        {
            foreach (var field in new[] { MisColumns.LegalForename, MisColumns.LegalSurname }.Where(f => !columns.ContainsKey(f)))
                problems.Add(Missing(field));
        }
        return columns;
    }

    private static Problem Missing(string field) =>
        FileProblem($"The file has no column for the {MisColumns.Labels[field]} (name it {string.Join(" or ", MisColumns.HeadersOf(field)
            .Take(4).Select(h => $"'{h}'"))}).");

    private static string Rows(IEnumerable<int> rows)
    {
        var list = rows.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }

    private static Problem FileProblem(string message) => new(message, "file");

    private static Problem RowProblem(int row, string message) => new(message, "file", null, "row", row.ToString(CultureInfo.InvariantCulture));

    private static RequestValidationException Refused(IReadOnlyList<Problem> problems) => new(problems);
}
