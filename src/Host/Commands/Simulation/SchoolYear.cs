using System.Globalization;
using System.Text.Json;

namespace SendWorkflow.Host.Commands.Simulation;

/// <summary>One half term of the year: where it starts (its first school day) and a short label.</summary>
internal sealed record HalfTermStart(string Label, DateOnly FirstDay);

/// <summary>
/// One academic year of a borough's term calendar ("2026-27"): its school days, the autumn term's school days
/// (when first concerns are raised) and the first school day of each half term.
/// </summary>
internal sealed class SchoolYear
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    private SchoolYear(string label, IReadOnlyList<DateOnly> days, IReadOnlyList<DateOnly> autumn, IReadOnlyList<HalfTermStart> halves)
    {
        Label = label;
        SchoolDays = days;
        AutumnDays = autumn;
        HalfTerms = halves;
    }

    public string Label { get; }
    public IReadOnlyList<DateOnly> SchoolDays { get; }
    public IReadOnlyList<DateOnly> AutumnDays { get; }
    public IReadOnlyList<HalfTermStart> HalfTerms { get; }
    public DateOnly First => SchoolDays[0];
    public DateOnly Last => SchoolDays[^1];

    /// <summary>"2026-27" (or "2026/27", "2026-2027") to the year the autumn term falls in.</summary>
    public static bool TryParseLabel(string label, out int startYear)
    {
        startYear = 0;
        var parts = label.Split('-', '/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out startYear)) return false;
        var end = parts[1].Length == 2 ? $"{(startYear + 1) / 100}{parts[1]}" : parts[1];
        return int.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var endYear) && endYear == startYear + 1;
    }

    /// <summary>The year's terms from the calendar file (the calendar object itself does not expose its terms).</summary>
    public static SchoolYear Load(string calendarsFolder, SchoolCalendar calendar, string label, int startYear)
    {
        var doc = Directory.EnumerateFiles(calendarsFolder, "*.json")
            .Select(f => JsonSerializer.Deserialize<TermCalendarDocument>(File.ReadAllText(f), Json))
            .FirstOrDefault(d => d?.Id == calendar.Id)
            ?? throw new InvalidOperationException($"No calendar file for '{calendar.Id}' in {calendarsFolder}.");
        var from = new DateOnly(startYear, 8, 1);
        var terms = doc.Terms.Where(t => t.Start >= from && t.Start < from.AddYears(1)).OrderBy(t => t.Start).ToList();
        if (terms.Count == 0)
        {
            throw new InvalidOperationException(
                $"Calendar '{calendar.Id}' has no terms in {label}; it covers {calendar.First:yyyy-MM-dd} to {calendar.Last:yyyy-MM-dd}.");
        }

        var halves = new List<HalfTermStart>();
        foreach (var term in terms)
        {
            var season = term.Name.Split(' ')[0];
            var short3 = season.Length > 3 ? season[..3] : season;
            halves.Add(new HalfTermStart($"{short3} 1", FirstSchoolDayFrom(calendar, term.Start, term.End)));
            if (term.HalfTerm is { } ht) halves.Add(new HalfTermStart($"{short3} 2", FirstSchoolDayFrom(calendar, ht.End.AddDays(1), term.End)));
        }
        var days = Days(calendar, terms[0].Start, terms[^1].End);
        var autumn = Days(calendar, terms[0].Start, terms[0].End);
        return new SchoolYear(label, days, autumn, halves);
    }

    private static List<DateOnly> Days(SchoolCalendar calendar, DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (calendar.IsSchoolDay(d)) days.Add(d);
        }
        return days;
    }

    private static DateOnly FirstSchoolDayFrom(SchoolCalendar calendar, DateOnly from, DateOnly until)
    {
        for (var d = from; d <= until; d = d.AddDays(1))
        {
            if (calendar.IsSchoolDay(d)) return d;
        }
        return from;
    }
}
