using System.Net;
using System.Text;

namespace SendWorkflow.Send.Reports.SenInformation;

/// <summary>
/// The report as one standalone web page the school can put on its website as it is: no script, no outside resource,
/// its style inline. Every text is HTML-encoded, the SENCo's as much as the school's name.
/// </summary>
public static class SenInformationHtml
{
    private const string Style = "body{font-family:Arial,Helvetica,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;"
        + "line-height:1.5;color:#1b1b1b}table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #999;"
        + "padding:.25rem .6rem;text-align:left}th{background:#e8ecf1}caption{text-align:left;font-weight:bold;padding:.25rem 0}"
        + ".todo{color:#6b6b6b;font-style:italic}";

    public static string Render(SenInformationReportDto report)
    {
        var title = $"SEN information report {report.AcademicYear}";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"{report.SchoolName}: {title}")).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<p>").Append(E(report.SchoolName)).Append("</p>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p>").Append(E(SenInformationPdf.Intro(report))).Append("</p>\n");
        foreach (var section in report.Sections)
        {
            html.Append("<section id=\"").Append(E(section.Id)).Append("\">\n<h2>").Append(E($"{section.Number}. {section.Title}"))
                .Append("</h2>\n");
            foreach (var table in section.Figures) Table(html, table);
            if (section.Text is { } text)
            {
                foreach (var paragraph in Paragraphs(text))
                    html.Append("<p>").Append(string.Join("<br>\n", paragraph.Split('\n').Select(E))).Append("</p>\n");
            }
            else
            {
                html.Append("<p class=\"todo\">").Append(E(SenInformationPdf.NotWritten)).Append("</p>\n");
            }
            html.Append("</section>\n");
        }
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void Table(StringBuilder html, FigureTable table)
    {
        html.Append("<table>\n<caption>").Append(E(table.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var header in table.Headers) html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        if (table.Rows.Count == 0)
            html.Append("<tr><td colspan=\"").Append(table.Headers.Count).Append("\">").Append(E(SenInformationPdf.NoFigures)).Append("</td></tr>\n");
        foreach (var row in table.Rows) html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>\n");
        html.Append("</tbody>\n</table>\n");
    }

    // Paragraphs are separated by a blank line; a single line break stays a line break.
    private static string[] Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
