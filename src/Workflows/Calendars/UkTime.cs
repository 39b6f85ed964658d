namespace SendWorkflow.Workflows.Calendars;

/// <summary>Dates people see are UK dates: conversions between instants and Europe/London days.</summary>
public static class UkTime
{
    public const string ZoneId = "Europe/London";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The UK day of an instant stored as a UTC <see cref="DateTime"/> (whatever its Kind says).</summary>
    public static DateOnly DateOfUtc(DateTime utc) => DateOf(new DateTimeOffset(utc.Ticks, TimeSpan.Zero));

    /// <summary>The instant a UK day starts (midnight London time), in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static string Format(DateOnly date) =>
        date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
