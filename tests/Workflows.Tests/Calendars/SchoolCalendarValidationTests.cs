namespace SendWorkflow.Workflows.Tests.Calendars;

/// <summary>SchoolCalendar.Validate refuses term dates that school-day arithmetic can't rely on.</summary>
public class SchoolCalendarValidationTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static TermCalendarDocument WithTerm(string name, Func<TermDates, TermDates> change)
    {
        var doc = Repo.DemoCalendarDocument();
        return doc with { Terms = [.. doc.Terms.Select(t => t.Name == name ? change(t) : t)] };
    }

    [Fact]
    public void Validate_OverlappingTerms_NamesBothTerms()
    {
        var doc = WithTerm("Autumn 2026", t => t with { End = D("2027-01-08") });

        var problems = SchoolCalendar.Validate(doc);

        Assert.Contains("Spring 2027 overlaps Autumn 2026", problems);
    }

    [Fact]
    public void Validate_TermOverlappingALongEarlierTermPastAShorterOne_IsStillReported()
    {
        // Autumn 2026 stretched to 20 April 2027 swallows Spring 2027 and runs into Summer 2027 (from 12 April):
        // the term after Spring must be compared with Autumn (which ends later), not only with Spring.
        var doc = WithTerm("Autumn 2026", t => t with { End = D("2027-04-20") });

        var problems = SchoolCalendar.Validate(doc);

        Assert.Contains("Spring 2027 overlaps Autumn 2026", problems);
        Assert.Contains("Summer 2027 overlaps Autumn 2026", problems);
    }

    [Theory]
    [InlineData("2026-12-21", "2026-12-23")] // after the term
    [InlineData("2026-08-24", "2026-08-28")] // before the term
    [InlineData("2026-09-02", "2026-09-04")] // starts on the first day of term
    [InlineData("2026-12-14", "2026-12-18")] // ends on the last day of term
    [InlineData("2026-10-30", "2026-10-26")] // ends before it starts
    public void Validate_HalfTermOutsideItsTerm_IsAProblem(string start, string end)
    {
        var doc = WithTerm("Autumn 2026", t => t with { HalfTerm = new DateRange(D(start), D(end)) });

        var problems = SchoolCalendar.Validate(doc);

        Assert.Contains("Autumn 2026: its half term must fall inside the term", problems);
    }

    [Fact]
    public void Validate_TermEndingBeforeItStarts_IsAProblem()
    {
        var doc = WithTerm("Spring 2027", t => t with { End = D("2027-01-04"), HalfTerm = null });

        Assert.Contains("Spring 2027 ends before it starts", SchoolCalendar.Validate(doc));
    }

    [Fact]
    public void Validate_NoIdNoTermsWrongZone_ListsEveryProblem()
    {
        var doc = new TermCalendarDocument { Id = " ", TimeZone = "Europe/Paris" };

        var problems = SchoolCalendar.Validate(doc);

        Assert.Equal(3, problems.Count);
        Assert.Contains("the calendar has no id", problems);
        Assert.Contains("the calendar has no terms", problems);
        Assert.Contains("time zone must be Europe/London", problems);
    }

    [Fact]
    public void Validate_SeveralBadTerms_ListsThemAllAtOnce()
    {
        var doc = Repo.DemoCalendarDocument();
        doc = doc with
        {
            Terms = [.. doc.Terms.Select(t => t.Name switch
            {
                "Autumn 2025" => t with { HalfTerm = new DateRange(D("2026-01-01"), D("2026-01-02")) },
                "Summer 2026" => t with { End = D("2026-09-10") },
                _ => t,
            })],
        };

        var problems = SchoolCalendar.Validate(doc);

        Assert.Equal(2, problems.Count);
        Assert.Contains("Autumn 2025: its half term must fall inside the term", problems);
        Assert.Contains("Autumn 2026 overlaps Summer 2026", problems);
    }

    [Fact]
    public void From_InvalidCalendar_ThrowsWithEveryProblem()
    {
        var doc = WithTerm("Autumn 2026", t => t with { End = D("2027-01-08"), HalfTerm = new DateRange(D("2027-02-01"), D("2027-02-05")) });

        var ex = Assert.Throws<ArgumentException>(() => SchoolCalendar.From(doc));

        Assert.Contains("demo-borough", ex.Message);
        Assert.Contains("Spring 2027 overlaps Autumn 2026", ex.Message);
        Assert.Contains("Autumn 2026: its half term must fall inside the term", ex.Message);
    }

    [Fact]
    public void From_TermsInAnyOrder_GiveTheSameCalendar()
    {
        var doc = Repo.DemoCalendarDocument();
        var shuffled = SchoolCalendar.From(doc with { Terms = [.. Enumerable.Reverse(doc.Terms)] });

        Assert.Equal(D("2025-09-03"), shuffled.First);
        Assert.Equal(D("2026-11-30"), shuffled.AddSchoolDays(D("2026-10-12"), 30));
        Assert.Equal(D("2027-02-12"), shuffled.AddTerms(D("2026-10-12"), 1));
    }

    [Fact]
    public void From_ExtraClosure_IsNotASchoolDay()
    {
        var doc = Repo.DemoCalendarDocument();
        var calendar = SchoolCalendar.From(doc with { Closures = [.. doc.Closures, new Closure(D("2026-10-14"), "Staff training")] });

        Assert.False(calendar.IsSchoolDay(D("2026-10-14")));
        Assert.Equal(D("2026-12-01"), calendar.AddSchoolDays(D("2026-10-12"), 30));
    }
}
