using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SendWorkflow.Host.Studio;

/// <summary>Dates and times as people in an English school read them: Europe/London, day before month.</summary>
public static class UkDates
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Day(DateOnly date) => UkTime.Format(date);

    public static string Day(DateTime utc) => UkTime.Format(UkTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))));

    [SuppressMessage("Naming", "CA1720:Identifier contains type name",
        Justification = "Short names the short date form (dd/MM/yyyy), not the Int16 type.")]
    public static string Short(DateTime utc) => Local(utc).ToString("dd/MM/yyyy", EnGb);

    public static string DayAndTime(DateTime utc) => Local(utc).ToString("dd/MM/yyyy HH:mm", EnGb);

    public static string DayAndTime(DateTimeOffset instant) => DayAndTime(instant.UtcDateTime);

    private static DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime.Zone);
}
