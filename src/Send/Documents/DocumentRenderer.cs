using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace SendWorkflow.Send.Documents;

/// <summary>
/// Lays a <see cref="SchoolDocument"/> out on A4 pages: the body first, breaking pages where the next line or table row
/// will not fit (a table's header row is drawn again on the new page), then each page's header and "Page N of M" footer,
/// once the number of pages is known. Lines are wrapped here rather than by XTextFormatter, which cannot say how much
/// of the page a paragraph took, so a paragraph can run on to the next page.
/// </summary>
internal sealed class DocumentRenderer : IDisposable
{
    private const double Margin = 56;
    private const double HeaderHeight = 40;
    private const double FooterHeight = 30;
    private const double CellPadding = 4;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XPen Rule = new(XColor.FromArgb(120, 120, 120), 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(232, 236, 241));

    private readonly SchoolDocument _document;
    private readonly PdfDocument _pdf = new();
    private readonly XFont _body = Font(10.5, XFontStyleEx.Regular);
    private readonly XFont _bold = Font(10.5, XFontStyleEx.Bold);
    private readonly XFont _heading = Font(13, XFontStyleEx.Bold);
    private readonly XFont _title = Font(17, XFontStyleEx.Bold);
    private readonly XFont _small = Font(9, XFontStyleEx.Regular);
    private XGraphics? _gfx;
    private double _y;

    private DocumentRenderer(SchoolDocument document) => _document = document;

    public static byte[] Render(SchoolDocument document)
    {
        DocumentFonts.Install();
        using var renderer = new DocumentRenderer(document);
        return renderer.Run();
    }

    private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page is open.");
    private double Width => Gfx.PageSize.Width - 2 * Margin;
    private static double Top => Margin + HeaderHeight;
    private double Bottom => Gfx.PageSize.Height - Margin - FooterHeight;

    private static XFont Font(double size, XFontStyleEx style) => new(DocumentFonts.Family, size, style, Unicode);

    private byte[] Run()
    {
        _pdf.Info.Title = _document.Title;
        _pdf.Info.Author = _document.SchoolName;
        _pdf.Info.Creator = "SendWorkflow";
        NewPage();
        Lines(_document.Title, _title, spaceAfter: 10);
        foreach (var block in _document.Blocks)
        {
            switch (block)
            {
                case DocumentBlock.Heading h:
                    _y += 8;
                    // A heading keeps its first line of text with it.
                    Room(_heading.GetHeight() + _body.GetHeight());
                    Lines(h.Text, _heading, spaceAfter: 4);
                    break;
                case DocumentBlock.Paragraph p:
                    Lines(p.Text, _body, spaceAfter: 7);
                    break;
                case DocumentBlock.Table t:
                    Table(t);
                    break;
            }
        }
        _gfx?.Dispose();
        _gfx = null;
        HeadersAndFooters();
        using var bytes = new MemoryStream();
        _pdf.Save(bytes, false);
        return bytes.ToArray();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Top;
    }

    /// <summary>Starts a new page unless the height fits below the current line (or the page is empty: then nothing would fit better).</summary>
    private bool Room(double height)
    {
        if (_y + height <= Bottom || _y <= Top) return false;
        NewPage();
        return true;
    }

    private void Lines(string text, XFont font, double spaceAfter)
    {
        var height = font.GetHeight();
        foreach (var line in Wrap(text, font, Width))
        {
            Room(height);
            Gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
            _y += height;
        }
        _y += spaceAfter;
    }

    private void Table(DocumentBlock.Table table)
    {
        var widths = ColumnWidths(table);
        _y += 2;
        Row(table.Headers, widths, _bold, HeaderFill);
        foreach (var cells in table.Rows)
        {
            if (Room(RowHeight(cells, widths, _body))) Row(table.Headers, widths, _bold, HeaderFill);
            Row(cells, widths, _body, null);
        }
        _y += 8;
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        cells.Select((c, i) => Wrap(c, font, widths[i] - 2 * CellPadding).Count).Max() * font.GetHeight() + 2 * CellPadding;

    private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, XBrush? fill)
    {
        Room(RowHeight(cells, widths, font));
        var height = RowHeight(cells, widths, font);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            if (fill is not null) Gfx.DrawRectangle(fill, x, _y, widths[i], height);
            Gfx.DrawRectangle(Rule, x, _y, widths[i], height);
            var lineY = _y + CellPadding;
            foreach (var line in Wrap(cells[i], font, widths[i] - 2 * CellPadding))
            {
                Gfx.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, lineY, widths[i] - 2 * CellPadding, font.GetHeight()),
                    XStringFormats.TopLeft);
                lineY += font.GetHeight();
            }
            x += widths[i];
        }
        _y += height;
    }

    // Each column as wide as its longest text asks when the page has room for all; otherwise the columns that fit in a
    // fair share keep their width (a date stays on one line) and the long ones share the rest in proportion.
    private double[] ColumnWidths(DocumentBlock.Table table)
    {
        var natural = table.Headers.Select((h, i) => table.Rows.Select(r => Measure(r[i], _body)).Append(Measure(h, _bold)).Max()
            + 2 * CellPadding).ToArray();
        if (natural.Sum() <= Width) return natural.Select(n => n / natural.Sum() * Width).ToArray();
        var widths = new double[natural.Length];
        var open = Enumerable.Range(0, natural.Length).ToList();
        var remaining = Width;
        for (var settled = true; settled && open.Count > 0;)
        {
            var share = remaining / open.Count;
            var fits = open.Where(i => natural[i] <= share).ToList();
            settled = fits.Count > 0;
            foreach (var i in fits)
            {
                widths[i] = natural[i];
                remaining -= natural[i];
                open.Remove(i);
            }
        }
        var rest = open.Sum(i => natural[i]);
        foreach (var i in open) widths[i] = remaining * natural[i] / rest;
        return widths;
    }

    private void HeadersAndFooters()
    {
        var count = _pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(_pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            var width = g.PageSize.Width - 2 * Margin;
            var line = _bold.GetHeight();
            g.DrawString(_document.SchoolName, _bold, XBrushes.Black, new XRect(Margin, Margin, width * 0.7, line), XStringFormats.TopLeft);
            g.DrawString(UkTime.Format(_document.Dated), _body, XBrushes.Black, new XRect(Margin, Margin, width, line),
                XStringFormats.TopRight);
            g.DrawLine(Rule, Margin, Margin + line + 6, Margin + width, Margin + line + 6);
            var foot = g.PageSize.Height - Margin - _small.GetHeight();
            g.DrawString($"Page {i + 1} of {count}", _small, XBrushes.DimGray, new XRect(Margin, foot, width, _small.GetHeight()),
                XStringFormats.TopCenter);
        }
    }

    private double Measure(string text, XFont font) => Gfx.MeasureString(text, font).Width;

    /// <summary>The text's lines at this width: its own line breaks kept, words moved down, and a word too long for a line broken.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in raw.Replace('\t', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && Measure(line, font) > width)
                {
                    var fit = Fit(line, font, width);
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    // The most leading characters of the word that fit the width (at least one).
    private int Fit(string word, XFont font, double width)
    {
        var n = 1;
        while (n < word.Length && Measure(word[..(n + 1)], font) <= width) n++;
        return n;
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _pdf.Dispose();
    }
}
