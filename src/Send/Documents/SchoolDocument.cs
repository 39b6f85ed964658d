namespace SendWorkflow.Send.Documents;

/// <summary>
/// A document the school gives out (a letter to parents, a report): the school's name and the document's date (a UK date)
/// at the top of every page, "Page N of M" at the foot, then its title, headings, paragraphs that wrap and simple
/// tables, on A4. What goes in it is the caller's to decide: a document never adds a name it was not given.
/// </summary>
public sealed class SchoolDocument(string schoolName, string title, DateOnly dated)
{
    private readonly List<DocumentBlock> _blocks = [];

    public string SchoolName { get; } = schoolName;
    public string Title { get; } = title;
    public DateOnly Dated { get; } = dated;

    internal IReadOnlyList<DocumentBlock> Blocks => _blocks;

    public SchoolDocument Heading(string text)
    {
        _blocks.Add(new DocumentBlock.Heading(text));
        return this;
    }

    /// <summary>A paragraph; its line breaks are kept and long lines wrap to the page.</summary>
    public SchoolDocument Paragraph(string text)
    {
        _blocks.Add(new DocumentBlock.Paragraph(text));
        return this;
    }

    /// <summary>A table with a header row, repeated at the top of each page it runs onto; a cell's text wraps.</summary>
    public SchoolDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var list = rows.ToList();
        if (list.Any(r => r.Count != headers.Count))
            throw new ArgumentException($"Every row of the table must have {headers.Count} cells, as its header does.", nameof(rows));
        _blocks.Add(new DocumentBlock.Table(headers, list));
        return this;
    }

    /// <summary>The document as PDF bytes.</summary>
    public byte[] ToPdf() => DocumentRenderer.Render(this);
}
