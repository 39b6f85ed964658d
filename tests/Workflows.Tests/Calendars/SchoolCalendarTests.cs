using System.Globalization;

namespace SendWorkflow.Workflows.Tests.Calendars;

/// <summary>School-day arithmetic over the demo borough's real term dates (definitions/calendars/demo-borough.json).</summary>
public class SchoolCalendarTests
{
    private static readonly SchoolCalendar Calendar = Repo.DemoCalendar;
    private static readonly int[] ReviewMonths = [2, 7, 10];

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // ---- the demo calendar itself

    [Fact]
    public void DemoCalendar_CoversThirdSeptember2025ToTwentyFirstJuly2028()
    {
        Assert.Equal("demo-borough", Calendar.Id);
        Assert.Equal(D("2025-09-03"), Calendar.First);
        Assert.Equal(D("2028-07-21"), Calendar.Last);
        Assert.Equal(["july-transition", "target-review"], Calendar.PointNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_DemoCalendar_HasNoProblems() =>
        Assert.Empty(SchoolCalendar.Validate(Repo.DemoCalendarDocument()));

    // ---- school days

    [Fact]
    public void AddSchoolDays_SixWeeksFromTwelveOctober2026_IsThirtyNovember()
    {
        var result = Calendar.AddSchoolDays(D("2026-10-12"), 30);

        Assert.Equal(D("2026-11-30"), result);
        Assert.Equal(DayOfWeek.Monday, result.DayOfWeek);
    }

    [Fact]
    public void AddSchoolDays_SixWeeksFromTwelveOctober2026_IsOneWeekLaterThanCalendarWeeksBecauseOfHalfTerm()
    {
        // Six calendar weeks would be 23 November; the 26-30 October half term pushes school time a week later.
        Assert.Equal(D("2026-11-23"), D("2026-10-12").AddDays(42));
        Assert.Equal(D("2026-11-30"), Calendar.AddSchoolDays(D("2026-10-12"), 30));
    }

    [Theory]
    [InlineData("2026-10-16", 1, "2026-10-19")] // Friday to Monday: the weekend doesn't count
    [InlineData("2026-10-23", 1, "2026-11-02")] // last day before half term to the first day after it
    [InlineData("2026-10-24", 1, "2026-11-02")] // from a Saturday before half term
    [InlineData("2026-10-28", 1, "2026-11-02")] // from inside half term
    [InlineData("2026-05-01", 1, "2026-05-05")] // over the early May bank holiday closure
    [InlineData("2026-07-22", 1, "2026-09-02")] // over the summer holiday
    [InlineData("2026-12-18", 1, "2027-01-05")] // over Christmas
    [InlineData("2026-10-12", 5, "2026-10-19")]
    [InlineData("2026-10-12", 10, "2026-11-02")] // the tenth school day is after half term
    public void AddSchoolDays_SkipsWeekendsHolidaysAndClosures(string from, int count, string expected) =>
        Assert.Equal(D(expected), Calendar.AddSchoolDays(D(from), count));

    [Fact]
    public void AddSchoolDays_Zero_ReturnsTheSameDate() =>
        Assert.Equal(D("2026-10-24"), Calendar.AddSchoolDays(D("2026-10-24"), 0));

    [Fact]
    public void AddSchoolDays_PastTheLastTerm_ThrowsSchoolCalendarException()
    {
        var ex = Assert.Throws<SchoolCalendarException>(() => Calendar.AddSchoolDays(D("2028-07-10"), 20));

        Assert.Equal("demo-borough", ex.CalendarId);
        Assert.Contains("21 July 2028", ex.Message);
    }

    [Theory]
    [InlineData("2026-10-12")] // Monday in term
    [InlineData("2026-09-02")] // first day of Autumn 2026
    [InlineData("2026-12-18")] // last day of Autumn 2026
    [InlineData("2026-05-05")] // day after the bank holiday
    [InlineData("2027-01-05")] // first day of Spring 2027
    public void IsSchoolDay_WeekdayInTerm_IsTrue(string date) => Assert.True(Calendar.IsSchoolDay(D(date)));

    [Theory]
    [InlineData("2026-10-17")] // Saturday
    [InlineData("2026-10-18")] // Sunday
    [InlineData("2026-10-26")] // Autumn 2026 half term, Monday
    [InlineData("2026-10-30")] // Autumn 2026 half term, Friday
    [InlineData("2027-02-15")] // Spring 2027 half term
    [InlineData("2026-08-10")] // summer holiday
    [InlineData("2026-12-24")] // Christmas holiday
    [InlineData("2027-04-01")] // Easter holiday
    [InlineData("2026-05-04")] // early May bank holiday closure
    [InlineData("2027-05-03")] // early May bank holiday closure
    [InlineData("2028-05-01")] // early May bank holiday closure
    public void IsSchoolDay_WeekendHalfTermHolidayOrClosure_IsFalse(string date) => Assert.False(Calendar.IsSchoolDay(D(date)));

    [Fact]
    public void IsSchoolDay_NoSchoolDayFallsOnAWeekendInTheWholeCalendar()
    {
        for (var d = Calendar.First; d <= Calendar.Last; d = d.AddDays(1))
        {
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                Assert.False(Calendar.IsSchoolDay(d), d.ToString("O", CultureInfo.InvariantCulture));
            }
        }
    }

    [Theory]
    [InlineData("2026-10-12", "2026-11-30", 30)]
    [InlineData("2026-10-12", "2026-10-12", 0)]
    [InlineData("2026-10-16", "2026-10-19", 1)] // Friday to Monday
    [InlineData("2026-10-23", "2026-10-30", 0)] // into half term: no school days
    [InlineData("2026-10-23", "2026-11-02", 1)]
    [InlineData("2026-05-01", "2026-05-08", 4)] // the bank holiday Monday doesn't count
    [InlineData("2026-09-01", "2026-12-18", 73)] // the whole of Autumn 2026: 3 + 35 + 35 days
    [InlineData("2026-12-19", "2027-01-04", 0)] // Christmas holiday
    public void SchoolDaysBetween_CountsSchoolDaysAfterFromUpToAndIncludingTo(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.SchoolDaysBetween(D(from), D(to)));

    [Fact]
    public void SchoolDaysBetween_IsTheInverseOfAddSchoolDays_ForEveryDateAndCount()
    {
        for (var d = Calendar.First; d <= Calendar.Last; d = d.AddDays(1))
        {
            foreach (var n in new[] { 1, 5, 13, 30, 60 })
            {
                DateOnly to;
                try { to = Calendar.AddSchoolDays(d, n); }
                catch (SchoolCalendarException) { continue; }

                Assert.True(Calendar.IsSchoolDay(to), $"{d:O} + {n} = {to:O} is not a school day");
                Assert.Equal(n, Calendar.SchoolDaysBetween(d, to));
                Assert.Equal(n - 1, Calendar.SchoolDaysBetween(d, to.AddDays(-1)));
            }
        }
    }

    // ---- terms and half terms

    [Theory]
    [InlineData("2026-10-12", 1, "2027-02-12")] // 29th school day of Autumn 2026 -> 29th of Spring 2027
    [InlineData("2026-10-12", 2, "2027-05-21")] // -> 29th of Summer 2027 (3 May 2027 is a closure)
    [InlineData("2026-09-02", 1, "2027-01-05")] // first day -> first day
    [InlineData("2026-12-18", 1, "2027-03-26")] // last day of a 73-day term -> last day of the 54-day next term
    [InlineData("2026-10-12", 0, "2026-10-12")]
    public void AddTerms_KeepsThePositionInTheTerm(string from, int count, string expected) =>
        Assert.Equal(D(expected), Calendar.AddTerms(D(from), count));

    [Theory]
    [InlineData("2026-08-10", "2026-09-02")] // summer holiday counts from the start of Autumn 2026
    [InlineData("2026-09-01", "2026-09-02")]
    [InlineData("2026-12-24", "2027-01-05")] // Christmas holiday counts from the start of Spring 2027
    [InlineData("2027-04-01", "2027-04-12")] // Easter holiday counts from the start of Summer 2027
    public void AddTerms_FromAHoliday_StartsFromTheNextTerm(string holiday, string nextTermStart)
    {
        Assert.False(Calendar.IsSchoolDay(D(holiday)));
        Assert.Equal(Calendar.AddTerms(D(nextTermStart), 1), Calendar.AddTerms(D(holiday), 1));
        Assert.Equal(Calendar.AddTerms(D(nextTermStart), 2), Calendar.AddTerms(D(holiday), 2));
    }

    [Fact]
    public void AddTerms_FromSummerHoliday_OneTermIsTheFirstDayOfSpring()
    {
        Assert.Equal(D("2027-01-05"), Calendar.AddTerms(D("2026-08-10"), 1));
    }

    [Theory]
    [InlineData("2026-10-12", 1, "2026-12-10")] // 29th school day of the first half -> 29th of the second half
    [InlineData("2026-10-12", 2, "2027-02-12")] // -> 29th (last) school day of Spring 2027's first half
    [InlineData("2026-09-02", 1, "2026-11-02")]
    [InlineData("2026-10-23", 1, "2026-12-18")] // 38th day -> clamped to the last (35th) day of the second half
    public void AddHalfTerms_KeepsThePositionInTheHalfTerm(string from, int count, string expected) =>
        Assert.Equal(D(expected), Calendar.AddHalfTerms(D(from), count));

    [Theory]
    [InlineData("2026-10-28", "2026-11-02", "2027-01-05")] // half-term holiday counts from the first day of the next half term
    [InlineData("2026-10-30", "2026-11-02", "2027-01-05")] // the last day of half term
    [InlineData("2026-12-24", "2027-01-05", "2027-02-22")] // Christmas
    [InlineData("2026-08-10", "2026-09-02", "2026-11-02")] // summer
    public void AddHalfTerms_FromAHoliday_StartsFromTheNextHalfTerm(string holiday, string nextStart, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddHalfTerms(D(holiday), 1));
        Assert.Equal(Calendar.AddHalfTerms(D(nextStart), 1), Calendar.AddHalfTerms(D(holiday), 1));
    }

    [Fact]
    public void AddHalfTerms_FromAWeekend_KeepsThePositionOfTheFridayBefore()
    {
        // The weekend before half term belongs to the half term that just ended (half term is 26-30 October).
        Assert.Equal(Calendar.AddHalfTerms(D("2026-10-23"), 1), Calendar.AddHalfTerms(D("2026-10-24"), 1));
        Assert.Equal(Calendar.AddTerms(D("2026-10-16"), 1), Calendar.AddTerms(D("2026-10-17"), 1));
    }

    [Fact]
    public void AddTerms_PastTheLastTerm_ThrowsSchoolCalendarException()
    {
        var ex = Assert.Throws<SchoolCalendarException>(() => Calendar.AddTerms(D("2028-05-10"), 1));
        Assert.Contains("terms", ex.Message);
    }

    [Fact]
    public void AddHalfTerms_PastTheLastHalfTerm_ThrowsSchoolCalendarException() =>
        Assert.Throws<SchoolCalendarException>(() => Calendar.AddHalfTerms(D("2028-06-10"), 1));

    [Theory]
    [InlineData("2026-10-12", "2027-02-11", 0)]
    [InlineData("2026-10-12", "2027-02-12", 1)]
    [InlineData("2026-10-12", "2027-05-20", 1)]
    [InlineData("2026-10-12", "2027-05-21", 2)]
    [InlineData("2026-10-12", "2026-10-12", 0)]
    [InlineData("2026-10-12", "2026-09-02", 0)] // to before from
    public void TermsBetween_CountsWholeTermsPassed(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.TermsBetween(D(from), D(to)));

    [Theory]
    [InlineData("2026-10-12", "2026-12-09", 0)]
    [InlineData("2026-10-12", "2026-12-10", 1)]
    [InlineData("2026-10-12", "2027-02-12", 2)]
    public void HalfTermsBetween_CountsWholeHalfTermsPassed(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.HalfTermsBetween(D(from), D(to)));

    [Fact]
    public void TermsBetween_IsConsistentWithAddTerms_ForEveryDateInTheCalendar()
    {
        var checkedPairs = 0;
        for (var d = Calendar.First; d <= Calendar.Last; d = d.AddDays(1))
        {
            for (var k = 1; k <= 4; k++)
            {
                DateOnly after;
                try { after = Calendar.AddTerms(d, k); }
                catch (SchoolCalendarException) { break; }

                Assert.True(after > d, $"{d:O} + {k} terms = {after:O}");
                Assert.Equal(k, Calendar.TermsBetween(d, after));
                Assert.Equal(k - 1, Calendar.TermsBetween(d, after.AddDays(-1)));
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 2000, $"only {checkedPairs} pairs checked");
    }

    [Fact]
    public void HalfTermsBetween_IsConsistentWithAddHalfTerms_ForEveryDateInTheCalendar()
    {
        var checkedPairs = 0;
        for (var d = Calendar.First; d <= Calendar.Last; d = d.AddDays(1))
        {
            for (var k = 1; k <= 6; k++)
            {
                DateOnly after;
                try { after = Calendar.AddHalfTerms(d, k); }
                catch (SchoolCalendarException) { break; }

                Assert.True(after > d, $"{d:O} + {k} half terms = {after:O}");
                Assert.True(Calendar.IsSchoolDay(after), $"{d:O} + {k} half terms = {after:O} is not a school day");
                Assert.Equal(k, Calendar.HalfTermsBetween(d, after));
                Assert.Equal(k - 1, Calendar.HalfTermsBetween(d, after.AddDays(-1)));
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 4000, $"only {checkedPairs} pairs checked");
    }

    [Fact]
    public void AddTerms_AlwaysLandsOnASchoolDayLaterThanTheStart()
    {
        for (var d = Calendar.First; d <= Calendar.Last; d = d.AddDays(1))
        {
            DateOnly one, two;
            try { one = Calendar.AddTerms(d, 1); two = Calendar.AddTerms(d, 2); }
            catch (SchoolCalendarException) { continue; }
            Assert.True(Calendar.IsSchoolDay(one));
            Assert.True(one < two);
        }
    }

    // ---- review points

    [Theory]
    [InlineData("2026-09-02", "2026-10-16")] // next October review
    [InlineData("2026-10-15", "2026-10-16")]
    [InlineData("2026-10-16", "2027-02-12")] // strictly after: on the review day, the next one is February
    [InlineData("2026-11-30", "2027-02-12")] // next February review
    [InlineData("2027-03-01", "2027-07-09")] // next July review
    [InlineData("2027-07-10", "2027-10-15")] // over the summer to October
    [InlineData("2025-09-03", "2025-10-17")]
    public void NextPoint_TargetReview_IsTheNextOctoberFebruaryOrJulyReview(string from, string expected)
    {
        var result = Calendar.NextPoint("target-review", D(from));

        Assert.Equal(D(expected), result);
        Assert.Contains(result.Month, ReviewMonths);
    }

    [Fact]
    public void NextPoint_JulyTransition_IsTheNextJulyMeeting() =>
        Assert.Equal(D("2027-07-14"), Calendar.NextPoint("july-transition", D("2026-10-12")));

    [Fact]
    public void NextPoint_UnknownPoint_ThrowsNamingThePoint()
    {
        var ex = Assert.Throws<SchoolCalendarException>(() => Calendar.NextPoint("spring-fair", D("2026-10-12")));
        Assert.Contains("spring-fair", ex.Message);
        Assert.False(Calendar.HasPoint("spring-fair"));
        Assert.True(Calendar.HasPoint("target-review"));
    }

    [Fact]
    public void NextPoint_AfterTheLastReview_Throws()
    {
        var ex = Assert.Throws<SchoolCalendarException>(() => Calendar.NextPoint("target-review", D("2028-07-08")));
        Assert.Contains("target-review", ex.Message);
    }

    // ---- dates the calendar doesn't cover

    public static TheoryData<string, string> OutsideDates() => new()
    {
        { "2029-01-05", "5 January 2029" },
        { "2024-01-01", "1 January 2024" },
        { "2025-09-02", "2 September 2025" }, // the day before the first term
        { "2028-07-22", "22 July 2028" },     // the day after the last term
    };

    private static readonly string[] Operations =
        ["IsSchoolDay", "AddSchoolDays", "SchoolDaysBetween from", "SchoolDaysBetween to", "AddTerms", "AddHalfTerms",
         "TermsBetween", "HalfTermsBetween", "NextPoint"];

    [Theory]
    [MemberData(nameof(OutsideDates))]
    public void EveryOperation_OnADateOutsideTheCalendar_ThrowsNamingTheDate(string date, string written)
    {
        var outside = D(date);
        var inside = D("2026-10-12");
        Action[] calls =
        [
            () => Calendar.IsSchoolDay(outside),
            () => Calendar.AddSchoolDays(outside, 5),
            () => Calendar.SchoolDaysBetween(outside, inside),
            () => Calendar.SchoolDaysBetween(inside, outside),
            () => Calendar.AddTerms(outside, 1),
            () => Calendar.AddHalfTerms(outside, 1),
            () => Calendar.TermsBetween(outside, inside),
            () => Calendar.HalfTermsBetween(inside, outside),
            () => Calendar.NextPoint("target-review", outside),
        ];
        for (var i = 0; i < calls.Length; i++)
        {
            var ex = Assert.Throws<SchoolCalendarException>(calls[i]);
            Assert.True(ex.Message.Contains(written, StringComparison.Ordinal), $"{Operations[i]}: {ex.Message}");
            Assert.Equal(outside, ex.Date);
            Assert.Equal("demo-borough", ex.CalendarId);
        }
    }

    [Fact]
    public void Covers_FirstAndLastDay_AreCovered()
    {
        Assert.True(Calendar.Covers(D("2025-09-03")));
        Assert.True(Calendar.Covers(D("2028-07-21")));
        Assert.True(Calendar.Covers(D("2026-08-10"))); // a holiday between terms is still covered
        Assert.False(Calendar.Covers(D("2025-09-02")));
        Assert.False(Calendar.Covers(D("2028-07-22")));
    }
}
