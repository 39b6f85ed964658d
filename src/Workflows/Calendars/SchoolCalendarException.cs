namespace SendWorkflow.Workflows.Calendars;

/// <summary>School time was asked for a date the borough's calendar does not cover.</summary>
public sealed class SchoolCalendarException(string calendarId, DateOnly date, string detail)
    : Exception($"The term calendar '{calendarId}' has no term dates for {UkTime.Format(date)}: {detail}")
{
    public string CalendarId { get; } = calendarId;
    public DateOnly Date { get; } = date;
}
