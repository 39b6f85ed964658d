namespace SendWorkflow.Workflows.Tests.Calendars;

/// <summary>SchoolTime.Resolve turns a definition's When into a UK date: school units on the borough's calendar,
/// calendar units on the plain calendar, review points and fixed days of the year.</summary>
public class SchoolTimeTests
{
    private static readonly SchoolCalendar Calendar = Repo.DemoCalendar;
    private static readonly CompiledDefinition Pathway = Repo.CompiledPathway;
    private static readonly DateOnly TwelveOctober2026 = new(2026, 10, 12);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Resolve(When when, DateOnly? from = null) =>
        SchoolTime.Resolve(when, from ?? TwelveOctober2026, Calendar, Pathway);

    [Fact]
    public void Resolve_TenDays_IsTenCalendarDaysLater() =>
        Assert.Equal(D("2026-10-22"), Resolve(new When { Days = 10 }));

    [Fact]
    public void Resolve_SixWeeks_CountsHalfTermAsCalendarTime() =>
        Assert.Equal(D("2026-11-23"), Resolve(new When { Weeks = 6 }));

    [Fact]
    public void Resolve_TwentySixWeeks_Is182CalendarDaysLater() =>
        Assert.Equal(D("2027-04-12"), Resolve(new When { Weeks = 26 }));

    [Fact]
    public void Resolve_HalfAWeek_RoundsUpToWholeDays() =>
        Assert.Equal(D("2026-10-16"), Resolve(new When { Weeks = 0.5 }));

    [Fact]
    public void Resolve_TwelveMonths_IsTheSameDayNextYear() =>
        Assert.Equal(D("2027-10-12"), Resolve(new When { Months = 12 }));

    [Fact]
    public void Resolve_OneMonthFromThirtyFirstJanuary_IsTheLastDayOfFebruary() =>
        Assert.Equal(D("2027-02-28"), Resolve(new When { Months = 1 }, D("2027-01-31")));

    [Fact]
    public void Resolve_FiveSchoolDays_SkipsTheWeekend() =>
        Assert.Equal(D("2026-10-19"), Resolve(new When { SchoolDays = 5 }));

    [Fact]
    public void Resolve_SixSchoolWeeks_IsThirtyNovember() =>
        Assert.Equal(D("2026-11-30"), Resolve(new When { SchoolWeeks = 6 }));

    [Fact]
    public void Resolve_OneHalfTerm_KeepsThePositionInTheHalfTerm() =>
        Assert.Equal(D("2026-12-10"), Resolve(new When { HalfTerms = 1 }));

    [Fact]
    public void Resolve_OneTerm_KeepsThePositionInTheTerm() =>
        Assert.Equal(D("2027-02-12"), Resolve(new When { Terms = 1 }));

    [Theory]
    [InlineData("earlyInterventionWeeks", "2026-11-30")]   // 6 school weeks
    [InlineData("initialConcernReviewWeeks", "2026-11-30")] // 6 school weeks
    [InlineData("initialConcernTerms", "2027-02-12")]      // 1 term
    [InlineData("senSupportTerms", "2027-05-21")]          // 2 terms
    [InlineData("progressReviewHalfTerms", "2026-12-10")]  // 1 half term
    [InlineData("statutoryHorizonWeeks", "2027-04-12")]    // 26 calendar weeks
    [InlineData("annualReviewMonths", "2027-10-12")]       // 12 months
    public void Resolve_Param_UsesTheParameterValueInItsUnit(string parameter, string expected) =>
        Assert.Equal(D(expected), Resolve(new When { Param = parameter }));

    [Fact]
    public void Resolve_Param_WithADifferentDefault_FollowsTheDefinition()
    {
        var eightWeeks = CompiledDefinition.Compile(
            Repo.Pathway().WithParameter("earlyInterventionWeeks", p => p with { Default = 8 }));

        var due = SchoolTime.Resolve(new When { Param = "earlyInterventionWeeks" }, TwelveOctober2026, Calendar, eightWeeks);

        Assert.Equal(Calendar.AddSchoolDays(TwelveOctober2026, 40), due);
        Assert.Equal(D("2026-12-14"), due);
    }

    [Theory]
    [InlineData("2026-10-12", "2026-10-16")]
    [InlineData("2026-10-16", "2027-02-12")]
    [InlineData("2027-03-01", "2027-07-09")]
    public void Resolve_NextTargetReview_IsTheNextReviewPoint(string from, string expected) =>
        Assert.Equal(D(expected), Resolve(new When { Next = "target-review" }, D(from)));

    [Fact]
    public void Resolve_NextJulyTransition_IsNextJuly() =>
        Assert.Equal(D("2027-07-14"), Resolve(new When { Next = "july-transition" }));

    [Theory]
    [InlineData("2026-10-12", "2027-02-15")] // the next 15 February
    [InlineData("2027-02-14", "2027-02-15")]
    [InlineData("2027-02-15", "2028-02-15")] // on the day itself: next year's
    [InlineData("2027-12-31", "2028-02-15")]
    public void Resolve_DateFifteenFebruary_IsTheNextFifteenFebruary(string from, string expected) =>
        Assert.Equal(D(expected), Resolve(new When { Date = "02-15" }, D(from)));

    [Fact]
    public void Resolve_DateTwentyNinthFebruary_IsTheLastDayOfFebruaryInOrdinaryYears()
    {
        Assert.Equal(D("2027-02-28"), Resolve(new When { Date = "02-29" }, D("2026-10-12")));
        Assert.Equal(D("2028-02-29"), Resolve(new When { Date = "02-29" }, D("2027-03-01")));
    }

    [Fact]
    public void Resolve_DateDoesNotNeedTheSchoolCalendar() =>
        // 31 March is the phase-transfer deadline for post-16: a statutory date, not school time.
        Assert.Equal(D("2029-03-31"), Resolve(new When { Date = "03-31" }, D("2028-07-21")));

    [Fact]
    public void Resolve_EmptyWhen_IsTheStartDate() => Assert.Equal(TwelveOctober2026, Resolve(new When()));

    [Fact]
    public void Resolve_SchoolUnitOutsideTheCalendar_ThrowsSchoolCalendarException() =>
        Assert.Throws<SchoolCalendarException>(() => Resolve(new When { SchoolWeeks = 6 }, D("2029-01-05")));

    [Fact]
    public void Add_NumberIsNotAUnitOfTime() =>
        Assert.Throws<ArgumentException>(() => SchoolTime.Add(3, Units.Number, TwelveOctober2026, Calendar));

    [Theory]
    [InlineData(Units.Days, 3, "2026-10-15")]
    [InlineData(Units.Weeks, 1, "2026-10-19")]
    [InlineData(Units.Months, 1, "2026-11-12")]
    [InlineData(Units.SchoolDays, 10, "2026-11-02")]
    [InlineData(Units.SchoolWeeks, 2, "2026-11-02")]
    [InlineData(Units.HalfTerms, 2, "2027-02-12")]
    [InlineData(Units.Terms, 2, "2027-05-21")]
    public void Add_EveryUnitOfTime(string unit, double amount, string expected) =>
        Assert.Equal(D(expected), SchoolTime.Add(amount, unit, TwelveOctober2026, Calendar));

    [Fact]
    public void Describe_SaysWhensInDefinitionWording()
    {
        var d = Pathway.Definition;
        Assert.Equal("6 school weeks", SchoolTime.Describe(new When { Param = "earlyInterventionWeeks" }, d));
        Assert.Equal("1 term", SchoolTime.Describe(new When { Param = "initialConcernTerms" }, d));
        Assert.Equal("next target review", SchoolTime.Describe(new When { Next = "target-review" }, d));
        Assert.Equal("15 February", SchoolTime.Describe(new When { Date = "02-15" }, d));
        Assert.Equal("5 school days", SchoolTime.Describe(new When { SchoolDays = 5 }, d));
        Assert.Equal("1 half term", SchoolTime.Describe(new When { HalfTerms = 1 }, d));
        Assert.Equal("26 weeks", SchoolTime.Describe(new When { Weeks = 26 }, d));
    }
}
