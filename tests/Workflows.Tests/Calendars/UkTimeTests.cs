namespace SendWorkflow.Workflows.Tests.Calendars;

/// <summary>UK dates (Europe/London) from instants and back, in both BST and GMT and across the clock changes.</summary>
public class UkTimeTests
{
    private static readonly double[] DayLengthsInHours = [23.0, 24.0, 25.0];

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    [Fact]
    public void StartOf_FirstJuly2026InSummerTime_IsElevenPmUtcTheDayBefore()
    {
        var start = UkTime.StartOf(D("2026-07-01"));

        Assert.Equal(Utc("2026-06-30T23:00:00Z"), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Fact]
    public void StartOf_FirstDecember2026InWinterTime_IsMidnightUtc()
    {
        var start = UkTime.StartOf(D("2026-12-01"));

        Assert.Equal(Utc("2026-12-01T00:00:00Z"), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Fact]
    public void StartOf_ClocksGoBackOnTwentyFiveOctober2026_ThatDayLasts25Hours()
    {
        Assert.Equal(Utc("2026-10-24T23:00:00Z"), UkTime.StartOf(D("2026-10-25")));
        Assert.Equal(Utc("2026-10-26T00:00:00Z"), UkTime.StartOf(D("2026-10-26")));
        Assert.Equal(TimeSpan.FromHours(25), UkTime.StartOf(D("2026-10-26")) - UkTime.StartOf(D("2026-10-25")));
    }

    [Fact]
    public void StartOf_ClocksGoForwardOnTwentyEightMarch2027_ThatDayLasts23Hours()
    {
        Assert.Equal(Utc("2027-03-28T00:00:00Z"), UkTime.StartOf(D("2027-03-28")));
        Assert.Equal(Utc("2027-03-28T23:00:00Z"), UkTime.StartOf(D("2027-03-29")));
        Assert.Equal(TimeSpan.FromHours(23), UkTime.StartOf(D("2027-03-29")) - UkTime.StartOf(D("2027-03-28")));
    }

    [Theory]
    // autumn change: 02:00 BST on 25 October 2026 becomes 01:00 GMT (01:00 UTC)
    [InlineData("2026-10-24T22:59:59Z", "2026-10-24")]
    [InlineData("2026-10-24T23:00:00Z", "2026-10-25")] // midnight BST
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // 01:30 BST
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")] // 01:30 GMT, the repeated hour
    [InlineData("2026-10-25T23:59:59Z", "2026-10-25")] // 23:59 GMT
    [InlineData("2026-10-26T00:00:00Z", "2026-10-26")]
    // spring change: 01:00 GMT on 28 March 2027 becomes 02:00 BST
    [InlineData("2027-03-27T23:59:59Z", "2027-03-27")]
    [InlineData("2027-03-28T00:00:00Z", "2027-03-28")]
    [InlineData("2027-03-28T01:30:00Z", "2027-03-28")] // 02:30 BST
    [InlineData("2027-03-28T22:59:59Z", "2027-03-28")] // 23:59 BST
    [InlineData("2027-03-28T23:00:00Z", "2027-03-29")] // midnight BST
    // plain summer and winter days
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")]
    public void DateOf_IsTheLondonDate(string instant, string expected) =>
        Assert.Equal(D(expected), UkTime.DateOf(Utc(instant)));

    [Fact]
    public void DateOf_InstantWithAnOffset_UsesTheInstantNotItsOffset() =>
        // 01:30 in Paris (UTC+2) on 12 October 2026 is 00:30 BST in London, the same day...
        Assert.Equal(D("2026-10-12"), UkTime.DateOf(new DateTimeOffset(2026, 10, 12, 1, 30, 0, TimeSpan.FromHours(2))));

    [Fact]
    public void DateOf_InstantWithAnOffset_CanBeTheDayBeforeInLondon() =>
        // ...but 00:30 in Paris is still 11 October in London.
        Assert.Equal(D("2026-10-11"), UkTime.DateOf(new DateTimeOffset(2026, 10, 12, 0, 30, 0, TimeSpan.FromHours(2))));

    [Fact]
    public void StartOf_AndDateOf_RoundTripForEveryDayOfThreeYears()
    {
        for (var d = D("2025-01-01"); d <= D("2027-12-31"); d = d.AddDays(1))
        {
            var start = UkTime.StartOf(d);
            Assert.Equal(d, UkTime.DateOf(start));
            Assert.Equal(d.AddDays(-1), UkTime.DateOf(start.AddTicks(-1)));
            var length = UkTime.StartOf(d.AddDays(1)) - start;
            Assert.Contains(length.TotalHours, DayLengthsInHours);
        }
    }

    [Fact]
    public void Format_IsTheBritishLongDate() => Assert.Equal("12 October 2026", UkTime.Format(D("2026-10-12")));
}
