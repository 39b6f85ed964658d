namespace SendWorkflow.Workflows.Calendars;

public interface ICalendarProvider
{
    /// <summary>The term calendar of the borough's schools.</summary>
    /// <exception cref="SchoolCalendarException">The borough has no term calendar.</exception>
    SchoolCalendar ForBorough(string boroughId);
}
