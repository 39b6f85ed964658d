using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace SendWorkflow.Send.Documents;

/// <summary>
/// The font every document is set in: DejaVu Sans, regular and bold, shipped inside this assembly (its Bitstream Vera
/// licence is beside the files in Fonts/). PDFsharp's core build looks for no system fonts on Linux, and a fresh machine
/// or container may have none, so documents never depend on what is installed.
/// </summary>
internal sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly DocumentFonts Instance = new();
    private static readonly Lock Gate = new();

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>
    /// PDFsharp keeps one resolver for the process, set before its first font and never swapped for another instance:
    /// every document (and every host in a test run) installs this same one.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) GlobalFontSettings.FontResolver = Instance;
        }
    }

    // Whatever family is asked for, the documents have one; italic is slanted by PDFsharp.
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular, false, italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"SendWorkflow.Send.Documents.Fonts.{faceName}.ttf";
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font '{name}' is not embedded in {typeof(DocumentFonts).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
