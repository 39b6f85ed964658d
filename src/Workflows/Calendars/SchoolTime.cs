using System.Globalization;

namespace SendWorkflow.Workflows.Calendars;

/// <summary>Resolves a definition's <see cref="When"/> to a UK date: school units on the borough's calendar,
/// statutory (calendar) units on the plain calendar.</summary>
public static class SchoolTime
{
    public static DateOnly Resolve(When when, DateOnly from, SchoolCalendar calendar, CompiledDefinition definition)
    {
        if (when.Param is { } name)
        {
            var (amount, unit) = definition.Parameter(name);
            return Add(amount, unit, from, calendar);
        }
        if (when.Next is { } point) return calendar.NextPoint(point, from);
        if (when.Date is { } date) return NextDayOfYear(date, from);
        if (when.EndOfTerm is { } term) return EndOfTerm(term, from, calendar);
        if (when.Days is { } d) return Add(d, Units.Days, from, calendar);
        if (when.Weeks is { } w) return Add(w, Units.Weeks, from, calendar);
        if (when.Months is { } m) return Add(m, Units.Months, from, calendar);
        if (when.SchoolDays is { } sd) return Add(sd, Units.SchoolDays, from, calendar);
        if (when.SchoolWeeks is { } sw) return Add(sw, Units.SchoolWeeks, from, calendar);
        if (when.HalfTerms is { } ht) return Add(ht, Units.HalfTerms, from, calendar);
        if (when.Terms is { } t) return Add(t, Units.Terms, from, calendar);
        return from;
    }

    /// <summary>The day a warning goes out: this long before the due date (school or calendar days and weeks).</summary>
    public static DateOnly Before(When when, DateOnly due, SchoolCalendar calendar, CompiledDefinition definition)
    {
        var (amount, unit) = when.Param is { } name ? definition.Parameter(name)
            : when.SchoolDays is { } sd ? (sd, Units.SchoolDays)
            : when.SchoolWeeks is { } sw ? (sw, Units.SchoolWeeks)
            : when.Weeks is { } w ? (w, Units.Weeks)
            : (when.Days ?? 0, Units.Days);
        return unit switch
        {
            Units.SchoolDays => calendar.SchoolDaysBefore(due, (int)Math.Ceiling(amount)),
            Units.SchoolWeeks => calendar.SchoolDaysBefore(due, (int)Math.Ceiling(amount * 5)),
            Units.Weeks => due.AddDays(-(int)Math.Ceiling(amount * 7)),
            _ => due.AddDays(-(int)Math.Ceiling(amount)),
        };
    }

    public static DateOnly Add(double amount, string unit, DateOnly from, SchoolCalendar calendar) => unit switch
    {
        Units.Days => from.AddDays((int)Math.Ceiling(amount)),
        Units.Weeks => from.AddDays((int)Math.Ceiling(amount * 7)),
        Units.Months => from.AddMonths((int)amount),
        Units.SchoolDays => calendar.AddSchoolDays(from, (int)Math.Ceiling(amount)),
        Units.SchoolWeeks => calendar.AddSchoolDays(from, (int)Math.Ceiling(amount * 5)),
        Units.HalfTerms => calendar.AddHalfTerms(from, (int)amount),
        Units.Terms => calendar.AddTerms(from, (int)amount),
        _ => throw new ArgumentException($"'{unit}' is not a unit of time."),
    };

    /// <summary>Plain words for a when: "6 school weeks", "next target-review", "15 February", "the end of the autumn term".</summary>
    public static string Describe(When when, WorkflowDefinition definition)
    {
        if (when.Param is { } name && definition.Parameters.TryGetValue(name, out var p))
            return Units.Describe(p.Default ?? 0, p.Unit);
        if (when.Next is { } point) return $"next {point.Replace('-', ' ')}";
        if (when.EndOfTerm is { } term) return $"the end of the {term} term";
        if (when.Date is { } date
            && DateTime.TryParseExact("2000-" + date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            return dt.ToString("d MMMM", CultureInfo.GetCultureInfo("en-GB"));
        }
        (double? amount, string unit)[] all =
        [
            (when.Days, Units.Days), (when.Weeks, Units.Weeks), (when.Months, Units.Months),
            (when.SchoolDays, Units.SchoolDays), (when.SchoolWeeks, Units.SchoolWeeks),
            (when.HalfTerms, Units.HalfTerms), (when.Terms, Units.Terms),
        ];
        var set = all.FirstOrDefault(a => a.amount is not null);
        return set.amount is { } n ? Units.Describe(n, set.unit) : "";
    }

    /// <summary>
    /// The last school day of the named term of the academic year (1 September to 31 August) holding
    /// <paramref name="from"/>; a term is known by the month it starts in, so an autumn term may start in late August.
    /// </summary>
    public static DateOnly EndOfTerm(string term, DateOnly from, SchoolCalendar calendar)
    {
        var year = from.Month >= 9 ? from.Year : from.Year - 1;
        var (first, last) = term switch
        {
            "autumn" => (new DateOnly(year, 8, 1), new DateOnly(year, 12, 31)),
            "spring" => (new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 3, 31)),
            "summer" => (new DateOnly(year + 1, 4, 1), new DateOnly(year + 1, 7, 31)),
            _ => throw new ArgumentException($"'{term}' is not a term of the year (autumn, spring or summer).", nameof(term)),
        };
        return calendar.LastSchoolDayOfTermStarting(first, last, $"{term} term in {year}-{(year + 1) % 100:D2}");
    }

    private static DateOnly NextDayOfYear(string monthDay, DateOnly from)
    {
        var parts = monthDay.Split('-');
        var (month, day) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        for (var year = from.Year; ; year++)
        {
            var candidate = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
            if (candidate > from) return candidate;
        }
    }
}
