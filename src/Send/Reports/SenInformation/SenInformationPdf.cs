using SendWorkflow.Send.Documents;

namespace SendWorkflow.Send.Reports.SenInformation;

/// <summary>The report as a PDF: the school's name and the day on every page, the sections with their figures and text.</summary>
public static class SenInformationPdf
{
    public const string NotWritten = "This section has not been written yet.";
    public const string NoFigures = "None this year.";

    public static string Intro(SenInformationReportDto report) =>
        $"Our SEN information report for {report.AcademicYear}, as the SEND Code of Practice (6.79 to 6.83) asks every school to "
        + $"publish. The figures are as at {UkTime.Format(report.AsAt)}; they are numbers only and name no pupil.";

    public static SchoolDocument For(SenInformationReportDto report)
    {
        var document = new SchoolDocument(report.SchoolName, $"SEN information report {report.AcademicYear}", report.AsAt)
            .Paragraph(Intro(report));
        foreach (var section in report.Sections)
        {
            document.Heading($"{section.Number}. {section.Title}");
            foreach (var table in section.Figures)
            {
                document.Paragraph(table.Caption);
                if (table.Rows.Count == 0) document.Paragraph(NoFigures);
                else document.Table(table.Headers, table.Rows);
            }
            document.Paragraph(section.Text ?? NotWritten);
        }
        return document;
    }
}
