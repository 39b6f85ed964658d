namespace SendWorkflow.Send.Documents;

/// <summary>One piece of a document's body, laid out in order: a heading, a paragraph that wraps, or a simple table.</summary>
internal abstract record DocumentBlock
{
    public sealed record Heading(string Text) : DocumentBlock;

    public sealed record Paragraph(string Text) : DocumentBlock;

    public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;
}
