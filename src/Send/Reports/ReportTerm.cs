using SendWorkflow.Send.ParentMeetings;
using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.Reports;

/// <summary>
/// The term a termly report is about, checked at the edge: a school year such as "2026-27" that the borough's term dates
/// cover, one of its three terms, and a term that has started. Left out, the year and term are today's. Every problem
/// is listed at once.
/// </summary>
public static class ReportTerm
{
    public static readonly IReadOnlyList<string> Names = ["autumn", "spring", "summer"];

    public static (AcademicYear Year, SchoolTerm Term) Resolve(string? year, string? term, SchoolCalendar calendar, DateOnly today)
    {
        var thisYear = AcademicYear.Of(today);
        var parsed = AcademicYear.TryParseOrCurrent(year, today, out var academicYear);
        var known = term is null || Names.Contains(term);
        var covered = parsed && academicYear.IsCoveredBy(calendar);
        var terms = covered ? SchoolTerm.Of(academicYear, calendar) : null;
        var chosen = terms is null || !known ? null : terms.First(t => term is null ? t.Holds(today) || t == terms[^1] : t.Name == term);
        var started = !parsed || !known || (chosen is null ? academicYear.First <= today : chosen.From <= today);
        var notStarted = $"The {chosen?.Name ?? term ?? "autumn"} term of {academicYear} has not started yet (today is {UkTime.Format(today)}).";
        new ProblemCollector()
            .Check(parsed, "year", $"'year' is a school year such as {thisYear}.")
            .Check(known, "term", $"'term' is one of {string.Join(", ", Names)}, not '{term}'.")
            .Check(!parsed || covered, "year", $"The borough's term dates ({calendar.Name}) do not cover {academicYear}.")
            .Check(started, "term", notStarted)
            .ThrowIfAny();
        return (academicYear, chosen!);
    }
}
