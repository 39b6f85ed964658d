using System.Globalization;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Components.Pages.Designer;

/// <summary>
/// What the time editor shows for a <see cref="When"/>: how it is set (a parameter, a length of time, the next review
/// date, a fixed day of the year or the end of a term) and what it counts from. <see cref="ToWhen"/> gives back exactly
/// the <see cref="When"/> it was made from, so opening and saving a definition changes nothing.
/// </summary>
public sealed record WhenForm
{
    public const string None = "none", Parameter = "param", Amount = "amount", Next = "next", FixedDate = "date", TermEnd = "endOfTerm";

    /// <summary>The value of <see cref="From"/> for the default: counted from the day the pupil entered the state.</summary>
    public const string FromState = "state";

    public string Mode { get; init; } = None;
    public double? Quantity { get; init; }
    public string Unit { get; init; } = Units.SchoolWeeks;
    public string? Param { get; init; }
    public string? NextPoint { get; init; }
    public int Month { get; init; } = 1;
    public int Day { get; init; } = 1;
    public string Term { get; init; } = "autumn";
    /// <summary>As the definition records it: null (the state's entry), "state", "start" or "milestone:id".</summary>
    public string? From { get; init; }

    public static WhenForm Of(When? when)
    {
        if (when is null) return new WhenForm();
        var form = new WhenForm { From = when.From };
        if (when.Param is not null) return form with { Mode = Parameter, Param = when.Param };
        if (when.Next is not null) return form with { Mode = Next, NextPoint = when.Next };
        if (when.EndOfTerm is not null) return form with { Mode = TermEnd, Term = when.EndOfTerm };
        if (when.Date is not null)
        {
            var (month, day) = DayOfYear(when.Date) ?? (1, 1);
            return form with { Mode = FixedDate, Month = month, Day = day };
        }
        (double? Amount, string Unit)[] amounts =
        [
            (when.Days, Units.Days), (when.Weeks, Units.Weeks), (when.Months, Units.Months), (when.SchoolDays, Units.SchoolDays),
            (when.SchoolWeeks, Units.SchoolWeeks), (when.HalfTerms, Units.HalfTerms), (when.Terms, Units.Terms),
        ];
        var set = amounts.FirstOrDefault(a => a.Amount is not null);
        return form with { Mode = Amount, Quantity = set.Amount ?? 1, Unit = set.Amount is null ? Units.SchoolWeeks : set.Unit };
    }

    public When? ToWhen() => Mode switch
    {
        None => null,
        Parameter => new When { Param = Param, From = From },
        Next => new When { Next = NextPoint, From = From },
        TermEnd => new When { EndOfTerm = Term, From = From },
        FixedDate => new When { Date = string.Create(CultureInfo.InvariantCulture, $"{Month:00}-{Day:00}"), From = From },
        _ => Unit switch
        {
            Units.Days => new When { Days = Quantity, From = From },
            Units.Weeks => new When { Weeks = Quantity, From = From },
            Units.Months => new When { Months = Quantity, From = From },
            Units.SchoolDays => new When { SchoolDays = Quantity, From = From },
            Units.HalfTerms => new When { HalfTerms = Quantity, From = From },
            Units.Terms => new When { Terms = Quantity, From = From },
            _ => new When { SchoolWeeks = Quantity, From = From },
        },
    };

    /// <summary>The form in another mode, keeping what it counts from; a new fixed date starts on 1 September.</summary>
    public WhenForm Switch(string mode, WorkflowDefinition definition) => mode switch
    {
        Parameter => this with
        {
            Mode = mode,
            Param = Param ?? definition.Parameters.FirstOrDefault(p => p.Value.Unit != Units.Number).Key,
        },
        Next => this with { Mode = mode, NextPoint = NextPoint ?? "target-review" },
        FixedDate when Mode != FixedDate => this with { Mode = mode, Month = 9, Day = 1 },
        Amount when Mode != Amount => this with { Mode = mode, Quantity = 1, Unit = Units.SchoolWeeks },
        _ => this with { Mode = mode },
    };

    /// <summary>A day of the year as the validator knows it (a leap year: 29 February is one), 31 April becomes 30 April.</summary>
    public WhenForm OnDay(int month, int day)
    {
        var m = Math.Clamp(month, 1, 12);
        return this with { Month = m, Day = Math.Clamp(day, 1, DateTime.DaysInMonth(2000, m)) };
    }

    /// <summary>What the select shows for <see cref="From"/>: "state" for the default.</summary>
    public string FromChoice => From ?? FromState;

    /// <summary>The form counting from another point; the state's entry is written as no "from" at all.</summary>
    public WhenForm CountingFrom(string choice) => this with { From = choice == FromState ? null : choice };

    /// <summary>The points a time may count from: the state's entry, the start and each milestone the events record.</summary>
    public static IReadOnlyList<(string Value, string Words)> FromChoices(WorkflowDefinition definition, string? current)
    {
        var list = new List<(string, string)>
        {
            (FromState, "the day the pupil entered this state"),
            ("start", "the day the pathway started (e.g. the request was received)"),
        };
        foreach (var id in definition.Events.Values.Select(e => e.Milestone?.Id).OfType<string>().Where(i => i.Length > 0).Distinct())
        {
            list.Add((When.MilestonePrefix + id, $"the latest {id.Replace('-', ' ')}"));
        }
        if (current is not null && list.All(c => c.Item1 != current)) list.Add((current, $"{current} (not known to this pathway)"));
        return list;
    }

    public static readonly IReadOnlyList<string> MonthNames =
        Enumerable.Range(1, 12).Select(m => new DateTime(2001, m, 1).ToString("MMMM", CultureInfo.GetCultureInfo("en-GB"))).ToList();

    private static (int Month, int Day)? DayOfYear(string monthDay) =>
        DateTime.TryParseExact("2000-" + monthDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (d.Month, d.Day)
            : null;
}
