using System.Globalization;

namespace SendWorkflow.Send.Funding;

/// <summary>
/// Money as the service keeps it: whole pence in a <see cref="long"/>, never a floating-point number. Requests carry pounds
/// as decimals of at most two places ("1234.56"); people read "£1,234.56".
/// </summary>
public static class Money
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The most any one amount may be: £100,000,000.</summary>
    public const decimal MaxPounds = 100_000_000m;

    public static long ToPence(decimal pounds) => (long)decimal.Round(pounds * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>Pounds with two places always ("84000.00", adding 0.00 keeps the scale), so JSON and CSV show pence.</summary>
    public static decimal ToPounds(long pence) => pence / 100m + 0.00m;

    /// <summary>"£1,234.56", "-£12.00".</summary>
    public static string Format(long pence) =>
        (pence < 0 ? "-" : "") + "£" + (Math.Abs((decimal)pence) / 100m).ToString("#,##0.00", En);

    /// <summary>A sum of money in a request: present when required, not negative, in pence exactly, and not absurd.</summary>
    public static void Check(ProblemCollector problems, decimal? pounds, string field, bool required = true)
    {
        if (pounds is not { } p)
        {
            problems.Check(!required, field, $"'{field}' is required: an amount in pounds such as 1234.56.");
            return;
        }
        problems.Check(p >= 0, field, $"'{field}' is negative ({p.ToString(CultureInfo.InvariantCulture)}): amounts are 0 or more.")
            .Check(decimal.Round(p, 2) == p, field, $"'{field}' has more than two decimal places: give pounds and pence, such as 1234.56.")
            .Check(p <= MaxPounds, field, $"'{field}' is more than £100,000,000.");
    }
}
