using System.Collections.Concurrent;

namespace SendWorkflow.Workflows.Calendars;

/// <summary>Term calendars held in memory by borough, for tests and tools.</summary>
public sealed class InMemoryCalendarProvider : ICalendarProvider
{
    private readonly ConcurrentDictionary<string, SchoolCalendar> _calendars = new(StringComparer.Ordinal);

    public InMemoryCalendarProvider Add(string boroughId, SchoolCalendar calendar)
    {
        _calendars[boroughId] = calendar;
        return this;
    }

    public SchoolCalendar ForBorough(string boroughId) =>
        _calendars.TryGetValue(boroughId, out var calendar)
            ? calendar
            : throw new SchoolCalendarException(boroughId, DateOnly.MinValue, $"borough '{boroughId}' has no term calendar");
}
