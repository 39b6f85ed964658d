namespace SendWorkflow.Workflows.Tests.Runtime;

/// <summary>FactsBuilder gives the rules time in stage in calendar and school time, on UK dates.</summary>
public class FactsBuilderTests
{
    private static readonly SchoolCalendar Calendar = Repo.DemoCalendar;

    private static WorkflowInstance EnteredOn(DateTime enteredAtUtc) => new()
    {
        Id = Guid.NewGuid(),
        DefinitionId = "send-pathway",
        Version = 1,
        State = "cause-of-concern",
        Stage = 1,
        EnteredStateAt = enteredAtUtc,
        EnteredBy = "start",
        EnteredVia = "",
        LastProgress = Progress.Little,
        ReviewsInStage = 2,
        ReviewsWithoutProgress = 1,
    };

    private static DateTime UkMorning(int year, int month, int day) =>
        UkTime.StartOf(new DateOnly(year, month, day)).AddHours(9).UtcDateTime;

    private static DateTimeOffset UkAfternoon(int year, int month, int day) =>
        UkTime.StartOf(new DateOnly(year, month, day)).AddHours(15);

    [Fact]
    public void Build_EnteredTwelveOctober2026_OnThirtyNovember_IsSixSchoolWeeksAndSevenCalendarWeeks()
    {
        var facts = FactsBuilder.Build(EnteredOn(UkMorning(2026, 10, 12)), 4, "review.completed", UkAfternoon(2026, 11, 30), Calendar);

        Assert.Equal(30, facts.SchoolDaysInStage);
        Assert.Equal(6, facts.SchoolWeeksInStage);
        Assert.Equal(49, facts.DaysInStage);
        Assert.Equal(7, facts.WeeksInStage);
        Assert.Equal(0, facts.HalfTermsInStage);
        Assert.Equal(0, facts.TermsInStage);
    }

    [Fact]
    public void Build_CopiesTheInstanceAndTheEvent()
    {
        var facts = FactsBuilder.Build(EnteredOn(UkMorning(2026, 10, 12)), 4, "review.completed", UkAfternoon(2026, 11, 30), Calendar);

        Assert.Equal("review.completed", facts.Event);
        Assert.Equal("cause-of-concern", facts.State);
        Assert.Equal(1, facts.Stage);
        Assert.Equal(Progress.Little, facts.LastProgress);
        Assert.Equal(2, facts.ReviewsInStage);
        Assert.Equal(1, facts.ReviewsWithoutProgress);
        Assert.Equal("start", facts.EnteredBy);
        Assert.Equal("", facts.EnteredVia);
        Assert.Equal(4, facts.YearGroup);
    }

    [Fact]
    public void Build_EnteredJustAfterMidnightBst_CountsFromTheUkDateNotTheUtcDate()
    {
        // 23:30 UTC on 11 October is 00:30 on 12 October in London.
        var entered = new DateTime(2026, 10, 11, 23, 30, 0, DateTimeKind.Utc);

        var facts = FactsBuilder.Build(EnteredOn(entered), 4, "review.completed", UkAfternoon(2026, 11, 30), Calendar);

        Assert.Equal(49, facts.DaysInStage);
        Assert.Equal(30, facts.SchoolDaysInStage);
    }

    [Fact]
    public void Build_NowLateEveningInLondon_IsStillThatUkDay()
    {
        // London is on GMT by late November: 23:30 UTC on 29 November is still 29 November there.
        var facts = FactsBuilder.Build(EnteredOn(UkMorning(2026, 10, 12)), 4, "review.completed",
            new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero), Calendar);

        Assert.Equal(48, facts.DaysInStage);
        Assert.Equal(29, facts.SchoolDaysInStage);
        Assert.Equal(5.8, facts.SchoolWeeksInStage, 10);
    }

    [Fact]
    public void Build_OverHalfTerms_CountsHalfTermsAndTerms()
    {
        var facts = FactsBuilder.Build(EnteredOn(UkMorning(2026, 10, 12)), 4, "review.completed", UkAfternoon(2027, 2, 12), Calendar);

        Assert.Equal(2, facts.HalfTermsInStage);
        Assert.Equal(1, facts.TermsInStage);
        Assert.Equal(Calendar.SchoolDaysBetween(new DateOnly(2026, 10, 12), new DateOnly(2027, 2, 12)), facts.SchoolDaysInStage);
    }

    [Fact]
    public void Build_SameDay_IsZeroEverywhere()
    {
        var facts = FactsBuilder.Build(EnteredOn(UkMorning(2026, 10, 12)), 4, "review.completed", UkAfternoon(2026, 10, 12), Calendar);

        Assert.Equal(0, facts.DaysInStage);
        Assert.Equal(0, facts.SchoolDaysInStage);
        Assert.Equal(0, facts.SchoolWeeksInStage);
    }

    [Fact]
    public void Build_NowBeforeEntered_IsZeroNotNegative()
    {
        var facts = FactsBuilder.Build(EnteredOn(UkMorning(2026, 11, 30)), 4, "review.completed", UkAfternoon(2026, 10, 12), Calendar);

        Assert.Equal(0, facts.DaysInStage);
        Assert.Equal(0, facts.SchoolDaysInStage);
        Assert.Equal(0, facts.TermsInStage);
    }

    [Fact]
    public void Build_OutsideTheCalendar_ThrowsSchoolCalendarException() =>
        Assert.Throws<SchoolCalendarException>(() =>
            FactsBuilder.Build(EnteredOn(UkMorning(2028, 7, 1)), 4, "review.completed", UkAfternoon(2028, 9, 10), Calendar));
}
