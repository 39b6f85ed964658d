namespace SendWorkflow.Workflows.Calendars;

/// <summary>A borough's term dates as stored in definitions/calendars/*.json.</summary>
public sealed record TermCalendarDocument
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string TimeZone { get; init; } = UkTime.ZoneId;
    public List<TermDates> Terms { get; init; } = [];
    public List<Closure> Closures { get; init; } = [];
    /// <summary>Named review points, e.g. "target-review": the October, February and July review dates.</summary>
    public Dictionary<string, List<DateOnly>> Points { get; init; } = [];
}

public sealed record TermDates(string Name, DateOnly Start, DateOnly End, DateRange? HalfTerm);

public sealed record DateRange(DateOnly Start, DateOnly End);

public sealed record Closure(DateOnly Date, string Reason);
