using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendWorkflow.Host.Tests.Scenarios;

/// <summary>
/// The SEN register, the provision map and the overdue reviews as Excel workbooks: opened here with the Open XML SDK as
/// Excel would open them (valid against the schema), with the same rows as the CSV, numbers and dates as such, and any text
/// that starts like a formula defused.
/// </summary>
public sealed class SchoolViewDownloadsTests
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";

    [Fact]
    public async Task EachViewAsExcel_HasTheCsvsRows_AndNoCellThatRuns()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        (await p.Http.PostAsJsonAsync("/api/pupils", new
        {
            id = "xl", name = Formula, dateOfBirth = "2018-05-01", schoolId = "oakfield", yearGroup = 3, className = "3 Oak", primaryNeed = "SLCN",
        })).EnsureSuccessStatusCode();
        (await p.Http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = "xl" })).EnsureSuccessStatusCode();
        var provision = await p.Http.PostAsJsonAsync("/api/pupils/xl/provisions", new
        {
            intervention = "+Reading group", entryCriteria = "@reading age", exitCriteria = "-2 years behind at most", startsOn = "2026-10-12",
            deliveredBy = "=1+1",
        });
        Assert.Equal(HttpStatusCode.Created, provision.StatusCode);
        var provisionId = (string)(await provision.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        (await p.Http.PutAsJsonAsync($"/api/provisions/{provisionId}", new { impact = "@SUM(A1:A9)" })).EnsureSuccessStatusCode();
        // Past the first review's due day, so it is overdue.
        await p.AdvanceToAsync("2027-01-11");

        var register = await SheetAsync(p, "sen-register");
        Assert.Equal(["Pupil ID", "Name", "Year", "Class", "Stage", "Stage name", "Since", "Census code", "Primary need"], register[0]);
        Assert.Equal(["xl", "'" + Formula, 3.0, "3 Oak", 1.0, "Cause of concern", new DateOnly(2026, 10, 12), "N", "SLCN"], register[1]);
        Assert.Equal(await CsvRowsAsync(p, "sen-register"), register.Count);

        var map = await SheetAsync(p, "provision-map");
        Assert.Equal(["Pupil ID", "Name", "Class", "Intervention", "Entry criteria", "Exit criteria", "Starts", "Ends", "Delivered by", "Impact"],
            map[0]);
        Assert.Equal(["xl", "'" + Formula, "3 Oak", "'+Reading group", "'@reading age", "'-2 years behind at most", new DateOnly(2026, 10, 12),
            null, "'=1+1", "'@SUM(A1:A9)"], map[1]);
        Assert.Equal(await CsvRowsAsync(p, "provision-map"), map.Count);

        var overdue = await SheetAsync(p, "overdue-reviews");
        Assert.Equal(["Pupil ID", "Name", "Class", "Review", "Role", "Due", "Days overdue"], overdue[0]);
        var review = overdue.Skip(1).First(r => (string?)r[0] == "xl");
        Assert.Equal("'" + Formula, review[1]);
        Assert.IsType<DateOnly>(review[5]);
        Assert.Equal((double)(new DateOnly(2027, 1, 11).DayNumber - ((DateOnly)review[5]!).DayNumber), review[6]);
        Assert.Equal(await CsvRowsAsync(p, "overdue-reviews"), overdue.Count);
    }

    [Fact]
    public async Task AnExcelDownload_IsRefusedToWhomTheCsvIs()
    {
        await using var p = await Pathway.StartAsync("2026-10-12");
        using var teacher = await p.StaffAsync("teacher", "class-teacher", classes: "3 Oak");
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/schools/oakfield/sen-register.xlsx")).StatusCode);
        using var anonymous = p.Factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/schools/oakfield/provision-map.xlsx")).StatusCode);
    }

    /// <summary>
    /// The workbook's one sheet as rows of cells: text as text, numbers as doubles, and a number in the day/month/year
    /// format as a date; a missing cell is null. Fails if any cell is a formula or any text starts like one.
    /// </summary>
    private static async Task<List<List<object?>>> SheetAsync(Pathway p, string view)
    {
        var response = await p.Http.GetAsync($"/api/schools/oakfield/{view}.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"oakfield-{view}.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        // What Excel would call a damaged file, the SDK's schema validation finds first.
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var dateFormats = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value == "dd/mm/yyyy").Select(f => f.NumberFormatId!.Value).ToHashSet();
        var sheet = Assert.Single(workbook.WorksheetParts).Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var rows = new List<List<object?>>();
        foreach (var row in sheet.GetFirstChild<SheetData>()!.Elements<Row>())
        {
            var cells = new List<object?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;
                while (cells.Count < column) cells.Add(null);
                cells.Add(Value(cell, formats, dateFormats));
            }
            rows.Add(cells);
        }
        var width = rows[0].Count;
        foreach (var row in rows) while (row.Count < width) row.Add(null);
        Assert.DoesNotContain(rows.SelectMany(r => r).OfType<string>(), t => t.Length > 0 && t[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        return rows;
    }

    private static object? Value(Cell cell, List<CellFormat> formats, HashSet<uint> dateFormats)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        Assert.Equal(CellValues.Number, cell.DataType?.Value);
        var number = double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
        var format = cell.StyleIndex?.Value is { } style ? formats[(int)style].NumberFormatId?.Value : null;
        return format is { } id && dateFormats.Contains(id) ? DateOnly.FromDateTime(DateTime.FromOADate(number)) : number;
    }

    /// <summary>The CSV's lines, header included (none of these cells holds a line break).</summary>
    private static async Task<int> CsvRowsAsync(Pathway p, string view) =>
        (await p.Http.GetStringAsync($"/api/schools/oakfield/{view}.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
