using SendWorkflow.Send.Documents;
using UglyToad.PdfPig;

namespace SendWorkflow.Send.Tests.Documents;

/// <summary>A school's document read back as a reader's PDF software would: its text, page by page.</summary>
public sealed class SchoolDocumentTests
{
    private static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    [Fact]
    public void AShortDocument_HasTheSchoolTheUkDateHeadingsParagraphsAndTableOnOnePage()
    {
        var pdf = new SchoolDocument("Oakfield Primary", "Record of our meeting", new DateOnly(2026, 11, 30))
            .Heading("What we agreed")
            .Paragraph("Reading with an adult every day.")
            .Table(["Who", "Role"], [["Ms Jones", "Class teacher"], ["Mr Khan", "SENCo"]])
            .ToPdf();

        var page = Assert.Single(Pages(pdf));
        Assert.Contains("Oakfield Primary", page, StringComparison.Ordinal);
        Assert.Contains("30 November 2026", page, StringComparison.Ordinal);
        Assert.Contains("Record of our meeting", page, StringComparison.Ordinal);
        Assert.Contains("What we agreed", page, StringComparison.Ordinal);
        Assert.Contains("Reading with an adult every day.", page, StringComparison.Ordinal);
        Assert.Contains("Ms Jones Class teacher", page, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongDocument_RunsOnToMorePages_EachWithTheSchoolAndItsPageNumber()
    {
        var document = new SchoolDocument("Oakfield Primary", "Provision", new DateOnly(2027, 2, 1));
        document.Paragraph(string.Join(" ", Enumerable.Repeat("A paragraph long enough to wrap across many lines of the page.", 60)));
        document.Table(["Intervention", "Weeks"], Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"Group {i}", $"{i}"]));

        var pages = Pages(document.ToPdf());

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("Oakfield Primary", pages[i], StringComparison.Ordinal);
            Assert.Contains("1 February 2027", pages[i], StringComparison.Ordinal);
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }
        // Every row made it, once, and the header row is repeated on the page a table runs on to.
        var all = string.Join(" ", pages);
        Assert.All(Enumerable.Range(1, 60), i => Assert.Contains($"Group {i} {i} ", all + " ", StringComparison.Ordinal));
        Assert.Contains("Intervention Weeks", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AWordLongerThanALine_IsBrokenNotLost()
    {
        var word = new string('x', 400);
        var page = Assert.Single(Pages(new SchoolDocument("Oakfield Primary", "Long", new DateOnly(2026, 9, 1)).Paragraph(word).ToPdf()));
        Assert.Equal(400, page.Count(c => c == 'x'));
    }

    [Fact]
    public void ATableRow_WithTheWrongNumberOfCells_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new SchoolDocument("Oakfield Primary", "T", new DateOnly(2026, 9, 1)).Table(["a", "b"], [["1"]]));
}
