using UglyToad.PdfPig;

namespace SendWorkflow.Host.Tests.Infrastructure;

/// <summary>Reads a PDF the service made back as text with PdfPig: its words, pages one after another.</summary>
public static class Pdf
{
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(w => w.Text))));
    }
}
