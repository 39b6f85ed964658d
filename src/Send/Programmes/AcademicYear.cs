using System.Globalization;
using System.Text.RegularExpressions;

namespace SendWorkflow.Send.Programmes;

/// <summary>A school year as schools write it, "2026-27": from 1 September 2026 to 31 August 2027.</summary>
public readonly partial record struct AcademicYear(int StartYear)
{
    public DateOnly First => new(StartYear, 9, 1);

    public DateOnly Last => new(StartYear + 1, 8, 31);

    public AcademicYear Previous => new(StartYear - 1);

    public static AcademicYear Of(DateOnly day) => new(day.Month >= 9 ? day.Year : day.Year - 1);

    /// <summary>
    /// The year a request names, or the current one when it names none (a request's year is optional); false when the
    /// text is not a school year.
    /// </summary>
    public static bool TryParseOrCurrent(string? text, DateOnly today, out AcademicYear year)
    {
        year = Of(today);
        return text is null || TryParse(text, out year);
    }

    /// <summary>"2026-27", with the second year's last two digits following the first.</summary>
    public static bool TryParse(string? text, out AcademicYear year)
    {
        year = default;
        if (text is null || Pattern().Match(text) is not { Success: true } m) return false;
        var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if ((first + 1) % 100 != int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) return false;
        year = new AcademicYear(first);
        return true;
    }

    /// <summary>Whether a borough's term dates reach from the start of the year's autumn term to the end of its summer term.</summary>
    public bool IsCoveredBy(SchoolCalendar calendar) => calendar.First <= First.AddDays(14) && calendar.Last >= new DateOnly(StartYear + 1, 7, 1);

    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";

    [GeneratedRegex("^([12][0-9]{3})-([0-9]{2})$")]
    private static partial Regex Pattern();
}
