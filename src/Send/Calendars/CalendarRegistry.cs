using System.Collections.Concurrent;
using System.Text.Json;

namespace SendWorkflow.Send.Calendars;

/// <summary>Term calendars loaded from definitions/calendars, and which borough uses which.</summary>
public sealed class CalendarRegistry(IDbContextFactory<SendWorkflowDbContext> factory) : ICalendarProvider
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    private readonly ConcurrentDictionary<string, SchoolCalendar> _calendars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _boroughCalendars = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> CalendarIds => _calendars.Keys.ToList();

    public void LoadFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var doc = JsonSerializer.Deserialize<TermCalendarDocument>(File.ReadAllText(file), Json)
                ?? throw new InvalidDataException($"Calendar file {Path.GetFileName(file)} is empty.");
            Add(SchoolCalendar.From(doc));
        }
    }

    public void Add(SchoolCalendar calendar) => _calendars[calendar.Id] = calendar;

    public bool Exists(string calendarId) => _calendars.ContainsKey(calendarId);

    public SchoolCalendar Get(string calendarId) =>
        _calendars.TryGetValue(calendarId, out var c)
            ? c
            : throw new SchoolCalendarException(calendarId, DateOnly.MinValue, "no such calendar is loaded");

    public void Assign(string boroughId, string calendarId) => _boroughCalendars[boroughId] = calendarId;

    public SchoolCalendar ForBorough(string boroughId)
    {
        if (!_boroughCalendars.TryGetValue(boroughId, out var calendarId))
        {
            using var db = factory.CreateDbContext();
            calendarId = db.Boroughs.AsNoTracking().Where(b => b.Id == boroughId).Select(b => b.CalendarId).FirstOrDefault()
                ?? throw new SchoolCalendarException(boroughId, DateOnly.MinValue, $"borough '{boroughId}' is unknown");
            _boroughCalendars[boroughId] = calendarId;
        }
        return Get(calendarId);
    }
}
