using System.Globalization;
using System.Text.RegularExpressions;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Pupils.MisImport;

/// <summary>
/// A cell of an MIS export read as the detail it gives, or the reason it can't be: UK dates (as SIMS and Bromcom write
/// them) or ISO dates (as Arbor may), year groups as "3", "Y3", "Year 3", "R" or "N1", SEN status as the census code
/// (N, K, E) or in words, a primary need as its census code or its name. A blank cell is null.
/// </summary>
public static partial class MisValues
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "d MMM yyyy", "d MMMM yyyy",
        "dd-MMM-yyyy", "d-MMM-yyyy", "yyyy/MM/dd",
    ];

    public static (DateOnly? Value, string? Problem) Date(string cell, string column)
    {
        var text = cell.Trim();
        if (text.Length == 0) return (null, null);
        // Exports from Excel sometimes keep a midnight time after the day: "01/09/2019 00:00:00", "2019-09-01T00:00:00".
        text = MidnightTime().Replace(text, "");
        return DateOnly.TryParseExact(text, DateFormats, EnGb, DateTimeStyles.None, out var date)
            ? (date, null)
            : (null, $"'{column}' {Quote(cell)} is not a date (write it as 31/12/2018 or 2018-12-31).");
    }

    public static (int? Value, string? Problem) YearGroup(string cell, string column)
    {
        var text = cell.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0) return (null, null);
        foreach (var prefix in new[] { "YEAR", "YR", "NC", "Y" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                text = text[prefix.Length..];
                break;
            }
        }
        int? year = text switch
        {
            "R" or "REC" or "RECEPTION" => 0,
            "N" or "N1" or "N2" or "NUR" or "NURSERY" => -1,
            _ => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
        };
        return year is null ? (null, $"'{column}' {Quote(cell)} is not a year group (N for nursery, R for reception, or 1 to 14).") : (year, null);
    }

    /// <summary>Whether the pupil is looked after (in care), as "Yes"/"No", "Y"/"N", "True"/"False" or "1"/"0".</summary>
    public static (bool? Value, string? Problem) Flag(string cell, string column) => Words(cell) switch
    {
        "" => (null, null),
        "y" or "yes" or "true" or "1" or "t" => (true, null),
        "n" or "no" or "false" or "0" or "f" => (false, null),
        _ => (null, $"'{column}' {Quote(cell)} is not yes or no."),
    };

    public static (string? Value, string? Problem) SenStatus(string cell, string column)
    {
        var text = Words(cell);
        if (text.Length == 0) return (null, null);
        string? code = text switch
        {
            "n" or "no" or "none" or "no sen" or "no special educational need" or "no special educational needs" => "N",
            "k" or "sen support" or "school support" => "K",
            "e" or "ehc plan" or "ehcp" or "education health and care plan" or "ehc" => "E",
            _ => null,
        };
        return code is null ? (null, $"'{column}' {Quote(cell)} is not an SEN status (N, K or E: none, SEN support, EHC plan).") : (code, null);
    }

    public static (string? Value, string? Problem) PrimaryNeed(string cell, string column)
    {
        var text = cell.Trim();
        if (text.Length == 0) return (null, null);
        var code = CensusNeeds.All.FirstOrDefault(n => string.Equals(n.Key, text, StringComparison.OrdinalIgnoreCase)
            || Words(n.Value) == Words(text)).Key;
        return code is null
            ? (null, $"'{column}' {Quote(cell)} is not a census type of need (use one of {string.Join(", ", CensusNeeds.All.Keys)}).")
            : (code, null);
    }

    /// <summary>A UPN: a check letter, 11 digits, then a digit (or a letter for a temporary UPN).</summary>
    public static (string? Value, string? Problem) Upn(string cell, string column)
    {
        var text = cell.Trim().ToUpperInvariant();
        if (text.Length == 0) return (null, $"The '{column}' is missing.");
        return UpnShape().IsMatch(text)
            ? (text, null)
            : (null, $"'{column}' {Quote(cell)} is not a UPN (13 characters: a letter, 11 digits, then a digit or a letter).");
    }

    /// <summary>A cell as a message quotes it: short, and without what could hide text.</summary>
    public static string Quote(string cell)
    {
        var shown = new string([.. cell.Trim().Where(c => !char.IsControl(c))]);
        return $"\"{(shown.Length > 40 ? shown[..40] + "..." : shown)}\"";
    }

    private static string Words(string text) =>
        WhiteSpace().Replace(new string([.. text.Where(c => char.IsLetterOrDigit(c) || c == ' ')]), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"(\s+|T)00:00(:00)?$")]
    private static partial Regex MidnightTime();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("^[A-Z][0-9]{11}[0-9A-Z]$")]
    private static partial Regex UpnShape();
}
