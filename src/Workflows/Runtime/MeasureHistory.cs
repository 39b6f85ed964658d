using System.Globalization;

namespace SendWorkflow.Workflows.Runtime;

/// <summary>
/// The last measures recorded on an instance (date, level, state), kept on the instance itself so that rules can count
/// them over a period without a query: "2026-10-12|Little|stage-a;2026-11-20|None|stage-a", newest last.
/// </summary>
public static class MeasureHistory
{
    /// <summary>Enough for a year of half-termly measures and more.</summary>
    public const int Kept = 12;

    public static string Append(string? history, DateOnly date, Progress level, string state)
    {
        var entries = Parse(history).ToList();
        entries.Add((date, level, state));
        return string.Join(';', entries.TakeLast(Kept)
            .Select(e => $"{e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{e.Level}|{e.State}"));
    }

    public static IEnumerable<(DateOnly Date, Progress Level, string State)> Parse(string? history)
    {
        if (string.IsNullOrEmpty(history)) yield break;
        foreach (var entry in history.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('|');
            if (parts.Length == 3
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && Enum.TryParse<Progress>(parts[1], out var level))
            {
                yield return (date, level, parts[2]);
            }
        }
    }
}
