using System.Globalization;
using System.Text;

namespace SendWorkflow.Send.Workspace;

/// <summary>
/// Small CSV writer: quotes where needed, and defuses a leading = + - @ (or tab or carriage return) so a spreadsheet
/// shows it rather than runs it (<see cref="FormulaDefusing"/>, shared with the Excel downloads).
/// </summary>
public static class Csv
{
    public static string Write(SheetTable table) => Write(table.Columns.Select(c => c.Key), table.Rows);

    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', header.Select(Field)));
        foreach (var row in rows) csv.AppendLine(string.Join(',', row.Select(Cell)));
        return csv.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Field(value.ToString() ?? ""),
    };

    private static string Field(string value)
    {
        value = FormulaDefusing.Defuse(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
