using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.Funding;

/// <summary>
/// What a provision costs in a financial year, for the SEN outturn. Staff time costs its hours a week at the hourly rate
/// for each school week it ran within the year, the school weeks counted from the borough's term dates as the school
/// days it ran divided by five (so a bank holiday or a closure day costs nothing); a fixed cost per pupil falls in the
/// financial year the provision starts. Results are whole pence, rounded half away from zero.
/// </summary>
public static class ProvisionCosts
{
    public const string Hourly = "hourly";
    public const string Fixed = "fixed";
    public const string None = "none";

    /// <summary>The cost fields of a request: given whole with their basis, or not at all.</summary>
    public static void Check(ProvisionRequest body, ProblemCollector problems)
    {
        var any = body.HoursPerWeek is not null || body.HourlyRate is not null || body.FixedCost is not null;
        switch (body.CostBasis)
        {
            case null:
                problems.Check(!any, "costBasis", "Give 'costBasis' (hourly, fixed or none) with the provision's cost.");
                break;
            case Hourly:
                problems.Check(body.HoursPerWeek is not null, "hoursPerWeek", "'hoursPerWeek' is required for an hourly cost.")
                    .Check(body.HoursPerWeek is not { } h || h is > 0 and <= 60, "hoursPerWeek", "'hoursPerWeek' must be more than 0 and at most 60.")
                    .Check(body.HoursPerWeek is not { } q || decimal.Round(q, 2) == q, "hoursPerWeek",
                        "'hoursPerWeek' has more than two decimal places.")
                    .Check(body.FixedCost is null, "fixedCost", "An hourly cost has no 'fixedCost'.");
                Money.Check(problems, body.HourlyRate, "hourlyRate");
                break;
            case Fixed:
                Money.Check(problems, body.FixedCost, "fixedCost");
                problems.Check(body.HoursPerWeek is null && body.HourlyRate is null, "costBasis",
                    "A fixed cost has no 'hoursPerWeek' or 'hourlyRate'.");
                break;
            case None:
                problems.Check(!any, "costBasis", "A provision without a cost has no hours, rate or fixed cost.");
                break;
            default:
                problems.Check(false, "costBasis", $"'{body.CostBasis}' is not a cost basis: use hourly, fixed or none.");
                break;
        }
    }

    /// <summary>Sets the provision's cost from a checked request; a request without a basis leaves it as it was.</summary>
    public static void Apply(ProvisionRequest body, ProvisionRecord row)
    {
        if (body.CostBasis is null) return;
        row.CostBasis = body.CostBasis == None ? null : body.CostBasis;
        row.HoursPerWeek = body.CostBasis == Hourly ? body.HoursPerWeek : null;
        row.HourlyRatePence = body.CostBasis == Hourly ? Money.ToPence(body.HourlyRate!.Value) : null;
        row.FixedCostPence = body.CostBasis == Fixed ? Money.ToPence(body.FixedCost!.Value) : null;
    }

    /// <summary>The school days the provision ran within the year, or 0 for a provision outside it.</summary>
    public static int SchoolDaysIn(ProvisionRecord p, FinancialYear year, SchoolCalendar calendar)
    {
        var from = p.StartsOn > year.First ? p.StartsOn : year.First;
        var to = p.EndsOn is { } ends && ends < year.Last ? ends : year.Last;
        if (to < from) return 0;
        if (!calendar.Covers(from) || !calendar.Covers(to))
        {
            throw new SchoolCalendarException(calendar.Id, calendar.Covers(from) ? to : from,
                $"the borough's term dates ({UkTime.Format(calendar.First)} to {UkTime.Format(calendar.Last)}) do not cover "
                + $"{UkTime.Format(from)} to {UkTime.Format(to)}, when a provision ran in {year}");
        }
        return calendar.SchoolDaysBetween(from, to) + (calendar.IsSchoolDay(from) ? 1 : 0);
    }

    /// <summary>The provision's cost for one pupil in the year, in pence; 0 when it is not costed or did not run in the year.</summary>
    public static long CostIn(ProvisionRecord p, FinancialYear year, SchoolCalendar calendar) => p.CostBasis switch
    {
        Hourly when p.HoursPerWeek is { } hours && p.HourlyRatePence is { } rate =>
            (long)decimal.Round(hours * rate * SchoolDaysIn(p, year, calendar) / 5m, 0, MidpointRounding.AwayFromZero),
        Fixed when p.FixedCostPence is { } cost && p.StartsOn >= year.First && p.StartsOn <= year.Last => cost,
        _ => 0,
    };
}
