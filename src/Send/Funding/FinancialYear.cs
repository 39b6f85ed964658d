using System.Globalization;
using System.Text.RegularExpressions;

namespace SendWorkflow.Send.Funding;

/// <summary>A financial year as schools and boroughs write it, "2026-27": from 1 April 2026 to 31 March 2027.</summary>
public readonly partial record struct FinancialYear(int StartYear)
{
    public DateOnly First => new(StartYear, 4, 1);

    public DateOnly Last => new(StartYear + 1, 3, 31);

    public static FinancialYear Of(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    /// <summary>"2026-27", with the second year's last two digits following the first.</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (text is null || Pattern().Match(text) is not { Success: true } m) return false;
        var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if ((first + 1) % 100 != int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) return false;
        year = new FinancialYear(first);
        return year.First.Year is >= 1990 and < 2100;
    }

    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";

    [GeneratedRegex("^([12][0-9]{3})-([0-9]{2})$")]
    private static partial Regex Pattern();
}
