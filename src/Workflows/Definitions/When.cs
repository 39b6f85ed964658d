using System.Diagnostics.CodeAnalysis;

namespace SendWorkflow.Workflows.Definitions;

/// <summary>
/// An offset or a calendar point: exactly one of the properties is set. School units count school days of the
/// subject's borough; calendar units count real days; Next names a review point of the term calendar
/// (e.g. "target-review"); Date is a fixed day of the year as MM-dd (e.g. "02-15"); EndOfTerm is the last school day of
/// the named term ("autumn", "spring" or "summer") of the academic year the anchor falls in.
/// </summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Justification = "The solution is C# only and no VB code consumes it; When is the word definitions use for a point in time.")]
public sealed record When
{
    public double? Days { get; init; }
    public double? Weeks { get; init; }
    public double? Months { get; init; }
    public double? SchoolDays { get; init; }
    public double? SchoolWeeks { get; init; }
    public double? HalfTerms { get; init; }
    public double? Terms { get; init; }
    public string? Param { get; init; }
    public string? Next { get; init; }
    public string? Date { get; init; }
    /// <summary>
    /// "autumn", "spring" or "summer": the last school day of that term of the academic year (1 September to
    /// 31 August) holding the day the offset counts from. A term is known by the month it starts in (autumn August to
    /// December, spring January to March, summer April to July), not by its name in the calendar.
    /// </summary>
    public string? EndOfTerm { get; init; }
    /// <summary>
    /// What an offset counts from: "state" (default: the day the instance entered the state) or "start" (the day the
    /// instance started, e.g. the day a request was received: statutory limits count from it) or
    /// "milestone:name" (the date of the case's latest such milestone, e.g. the last annual review meeting; the start
    /// when there is none yet).
    /// </summary>
    public string? From { get; init; }

    public bool CountsFromStart() => From == "start";

    /// <summary>The milestone an offset counts from, if it counts from one.</summary>
    public string? Milestone() => From is { } f && f.StartsWith(MilestonePrefix, StringComparison.Ordinal) ? f[MilestonePrefix.Length..] : null;

    public const string MilestonePrefix = "milestone:";

    /// <summary>The terms of the academic year <see cref="EndOfTerm"/> may name, in order.</summary>
    public static readonly IReadOnlyList<string> TermsOfTheYear = ["autumn", "spring", "summer"];

    public int CountSet() =>
        new object?[] { Days, Weeks, Months, SchoolDays, SchoolWeeks, HalfTerms, Terms, Param, Next, Date, EndOfTerm }
            .Count(v => v is not null);
}
