using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendWorkflow.Send.Workspace;

/// <summary>
/// Writes a <see cref="SheetTable"/> as an Excel workbook of one sheet, for the school views people open in Excel: a
/// bold header row that stays in view with a filter on it, numbers as numbers, dates as dates shown day/month/year, and
/// every text cell defused as the CSV's are (<see cref="FormulaDefusing"/>), so nothing a pupil's record holds runs.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint DateStyle = 1, HeaderStyle = 2, UkDateFormat = 164;

    public static byte[] Write(SheetTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(Row(1, table.Columns.Select(c => (object?)c.Label), HeaderStyle));
            for (var i = 0; i < table.Rows.Count; i++) data.Append(Row((uint)i + 2, table.Rows[i], null));
            var lastCell = $"{ColumnName(table.Columns.Count - 1)}{table.Rows.Count + 1}";
            sheet.Worksheet = new Worksheet(FrozenHeader(), Widths(table), data, new AutoFilter { Reference = $"A1:{lastCell}" });
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = table.Name }));
        }
        return stream.ToArray();
    }

    private static Row Row(uint number, IEnumerable<object?> values, uint? style)
    {
        var row = new Row { RowIndex = number };
        var column = 0;
        foreach (var value in values)
        {
            if (Cell(value) is { } cell)
            {
                cell.CellReference = $"{ColumnName(column)}{number}";
                if (style is { } s) cell.StyleIndex = s;
                row.Append(cell);
            }
            column++;
        }
        return row;
    }

    private static Cell? Cell(object? value) => value switch
    {
        null => null,
        DateOnly d => new Cell
        {
            DataType = CellValues.Number, StyleIndex = DateStyle,
            CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        int or long or double or decimal => new Cell
        {
            DataType = CellValues.Number, CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(FormulaDefusing.Defuse(XmlSafe(value.ToString() ?? "")))
                { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    /// <summary>Text without the characters XML can't hold (a stray control character in a note).</summary>
    private static string XmlSafe(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string([.. text.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))]);

    /// <summary>A, B, ... Z, AA, AB, ...: the letters of a zero-based column.</summary>
    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { TabSelected = true, WorkbookViewId = 0 });

    /// <summary>Each column as wide as its longest text, within reason.</summary>
    private static Columns Widths(SheetTable table) => new(table.Columns.Select((c, i) => new Column
    {
        Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true,
        Width = Math.Clamp(table.Rows.Select(r => i < r.Count ? Shown(r[i]) : 0).Append(c.Label.Length).Max() + 2, 8, 60),
    }));

    private static int Shown(object? value) => value switch { null => 0, DateOnly => 10, _ => value.ToString()?.Length ?? 0 };

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = UkDateFormat, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = UkDateFormat, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
}
