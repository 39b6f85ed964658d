using System.Text;

namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>One record of a CSV file: its row as a spreadsheet numbers it (the header is row 1) and its fields.</summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Fields);

/// <summary>
/// Reads CSV as RFC 4180 has it and as spreadsheets and MIS exports write it: quoted fields (a quote doubled inside,
/// commas and line breaks allowed), a UTF-8 or UTF-16 byte order mark, CRLF, LF or CR line ends. Bytes that are not
/// UTF-8 are read as Latin-1, as Excel saves "CSV (Comma delimited)" on a Windows PC in England. A workbook, a PDF or
/// other binary content is refused with what it looks like, so the SENCo knows to export CSV instead.
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] OldWorkbook = [0xD0, 0xCF, 0x11, 0xE0], Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] Utf16LittleEndian = [0xFF, 0xFE], Utf16BigEndian = [0xFE, 0xFF];

    /// <summary>The text of the file, or the reason it is not a CSV file.</summary>
    public static (string? Text, string? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return (null, "The file is empty.");
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith(OldWorkbook))
            return (null, "The file is an Excel workbook, not CSV: open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\".");
        if (bytes.StartsWith("%PDF"u8)) return (null, "The file is a PDF, not CSV: export the pupils from the MIS as CSV.");
        var text = Text(bytes);
        return text.Contains('\0', StringComparison.Ordinal) || text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'))
            ? (null, "The file is not text: it has binary content. Export the pupils from the MIS as CSV.")
            : (text, null);
    }

    private static string Text(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf16LittleEndian)) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith(Utf16BigEndian)) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        var body = bytes.StartsWith(Utf8Bom) ? bytes[3..] : bytes;
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(body);
        }
    }

    /// <summary>Every record, the header first; blank lines (or only commas) are skipped but counted, as a spreadsheet counts rows.</summary>
    public static (IReadOnlyList<CsvRecord> Records, string? Problem) Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (row, quotedFrom, inQuotes, wasQuoted) = (1, 0, false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else inQuotes = false;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    (inQuotes, wasQuoted, quotedFrom) = (true, true, row);
                    break;
                case ',':
                    fields.Add(field.ToString());
                    (field.Length, wasQuoted) = (0, false);
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    EndRecord(records, fields, field, row++);
                    wasQuoted = false;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (inQuotes) return (records, $"A quoted field that starts on row {quotedFrom} is never closed (a \" is missing).");
        EndRecord(records, fields, field, row);
        return (records, null);
    }

    private static void EndRecord(List<CsvRecord> records, List<string> fields, StringBuilder field, int row)
    {
        fields.Add(field.ToString());
        field.Clear();
        if (fields.Exists(f => !string.IsNullOrWhiteSpace(f))) records.Add(new CsvRecord(row, [.. fields]));
        fields.Clear();
    }
}
