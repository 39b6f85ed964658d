using System.Globalization;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Funding;
using SendWorkflow.Workflows.Calendars;

namespace SendWorkflow.Send.Tests.Funding;

/// <summary>
/// What a provision costs in a financial year, on the demo borough's term dates: staff time for the school days it ran
/// within the year (a provision crossing 1 April is split), a fixed cost in the year it starts, nothing outside; money in
/// whole pence, and financial years written as 2026-27.
/// </summary>
public sealed class ProvisionCostsTests
{
    private static readonly SchoolCalendar Calendar = LoadDemoCalendar();

    private static SchoolCalendar LoadDemoCalendar()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "definitions", "calendars");
            if (!File.Exists(Path.Combine(folder, "demo-borough.json"))) continue;
            var registry = new CalendarRegistry(null!);
            registry.LoadFolder(folder);
            return registry.Get("demo-borough");
        }
        throw new DirectoryNotFoundException("definitions/calendars/demo-borough.json is not above the test's folder.");
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static FinancialYear Year(string text) => FinancialYear.TryParse(text, out var y) ? y : throw new ArgumentException(text);

    private static ProvisionRecord Hourly(string from, string? to) => new()
    {
        StartsOn = D(from), EndsOn = to is null ? null : D(to), CostBasis = ProvisionCosts.Hourly, HoursPerWeek = 1.5m, HourlyRatePence = 1255,
    };

    [Fact]
    public void StaffTime_AcrossTheFirstOfApril_IsSplitBetweenTheTwoYears_ByTheSchoolDaysInEach()
    {
        var p = Hourly("2026-03-02", "2026-07-22");

        // 2 to 27 March 2026 (the spring term's last four weeks): 20 school days, 4 weeks, 1.5 x £12.55 x 4 = £75.30.
        Assert.Equal((20, 7530L), (ProvisionCosts.SchoolDaysIn(p, Year("2025-26"), Calendar), ProvisionCosts.CostIn(p, Year("2025-26"), Calendar)));
        // From 1 April: the Easter holiday costs nothing; the summer term's 67 school days (the May bank holiday and half term
        // out) are 13.4 weeks, £252.255, rounded half up to £252.26.
        Assert.Equal((67, 25226L), (ProvisionCosts.SchoolDaysIn(p, Year("2026-27"), Calendar), ProvisionCosts.CostIn(p, Year("2026-27"), Calendar)));
    }

    [Fact]
    public void HalfAPenny_RoundsUp_NotToEven()
    {
        // One school day: a fifth of 1.5 hours at £12.55 is 376.5p; to even would make it 376p.
        Assert.Equal(377, ProvisionCosts.CostIn(Hourly("2026-04-13", "2026-04-13"), Year("2026-27"), Calendar));
    }

    [Fact]
    public void AFixedCost_FallsInTheYearTheProvisionStarts_AndNothingCostsOutsideTheYear()
    {
        var p = new ProvisionRecord { StartsOn = D("2026-03-02"), CostBasis = ProvisionCosts.Fixed, FixedCostPence = 45_000 };
        Assert.Equal(45_000, ProvisionCosts.CostIn(p, Year("2025-26"), Calendar));
        Assert.Equal(0, ProvisionCosts.CostIn(p, Year("2026-27"), Calendar));

        var ended = Hourly("2026-09-02", "2026-12-18");
        Assert.Equal(0, ProvisionCosts.CostIn(ended, Year("2027-28"), Calendar));
        Assert.Equal(0, ProvisionCosts.CostIn(new ProvisionRecord { StartsOn = D("2026-09-02") }, Year("2026-27"), Calendar));
    }

    [Fact]
    public void StaffTime_BeyondTheBoroughsTermDates_IsRefused_NotGuessed()
    {
        var error = Assert.Throws<SchoolCalendarException>(() => ProvisionCosts.CostIn(Hourly("2026-09-02", null), Year("2029-30"), Calendar));
        Assert.Contains("do not cover", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-27", true, "2026-04-01", "2027-03-31")]
    [InlineData("1999-00", true, "1999-04-01", "2000-03-31")]
    [InlineData("2026-2027", false, null, null)]
    [InlineData("2026-28", false, null, null)]
    [InlineData("26-27", false, null, null)]
    [InlineData("", false, null, null)]
    public void AFinancialYear_IsWrittenAs2026_27(string text, bool valid, string? first, string? last)
    {
        Assert.Equal(valid, FinancialYear.TryParse(text, out var year));
        if (valid) Assert.Equal((D(first!), D(last!)), (year.First, year.Last));
    }

    [Fact]
    public void TheFinancialYear_OfADay_TurnsOnTheFirstOfApril()
    {
        Assert.Equal("2026-27", FinancialYear.Of(D("2027-03-31")).ToString());
        Assert.Equal("2027-28", FinancialYear.Of(D("2027-04-01")).ToString());
    }

    [Fact]
    public void Money_IsWholePence_ShownAsPounds()
    {
        Assert.Equal("£1,234.56", Money.Format(123_456));
        Assert.Equal("-£0.05", Money.Format(-5));
        Assert.Equal("84000.00", Money.ToPounds(8_400_000).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(123_457, Money.ToPence(1234.565m));
    }
}
