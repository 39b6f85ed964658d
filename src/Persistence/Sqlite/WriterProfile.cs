using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Where the single writer's time goes: each statement's count and time, and each commit's time and the pages it wrote
/// to the log. Off unless asked for (<c>bench --profile</c> and <c>simulate --profile</c> set
/// <see cref="SqliteWorkflowWriter.Profile"/>); it times every statement, so a service never keeps it on.
/// </summary>
public sealed partial class WriterProfile
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Count, long Ticks)> _bySql = new(StringComparer.Ordinal);

    /// <summary>One statement's (or the commits', or the rewinds') figures.</summary>
    public sealed record Line(string Label, long Count, TimeSpan Time);

    /// <summary>The commits, the change sets they held and the pages they wrote to the log.</summary>
    public long Commits { get; private set; }

    public long ChangeSets { get; private set; }

    public long Pages { get; private set; }

    /// <summary>The lines, the costliest first (statements that differ only in their values are one line).</summary>
    public IReadOnlyList<Line> Lines()
    {
        lock (_lock)
        {
            return [.. _bySql.GroupBy(s => Label(s.Key))
                .Select(g => new Line(g.Key, g.Sum(s => s.Value.Count), Stopwatch.GetElapsedTime(0, g.Sum(s => s.Value.Ticks))))
                .OrderByDescending(l => l.Time)];
        }
    }

    internal void Statement(string sql, long startedAt) => Add(sql, Stopwatch.GetTimestamp() - startedAt);

    internal void Commit(long startedAt, int changeSets, long pages)
    {
        Add("COMMIT", Stopwatch.GetTimestamp() - startedAt);
        lock (_lock)
        {
            Commits++;
            ChangeSets += changeSets;
            Pages += Math.Max(0, pages);
        }
    }

    internal void Rewind(long startedAt) => Add("rewinding the log (after a commit)", Stopwatch.GetTimestamp() - startedAt);

    private void Add(string key, long ticks)
    {
        lock (_lock)
        {
            var (count, total) = _bySql.GetValueOrDefault(key);
            _bySql[key] = (count + 1, total + ticks);
        }
    }

    /// <summary>"insert Tasks", "update Tasks (CompletedAt, Revision, Status)", or the statement itself (BEGIN, COMMIT).</summary>
    public static string Label(string sql)
    {
        if (InsertInto().Match(sql) is { Success: true } insert) return $"insert {insert.Groups[1].Value}";
        if (UpdateSet().Match(sql) is not { Success: true } update) return sql;
        var columns = SetColumn().Matches(update.Groups[2].Value).Select(m => m.Groups[1].Value);
        return $"update {update.Groups[1].Value} ({string.Join(", ", columns)})";
    }

    [GeneratedRegex("^INSERT INTO \"([^\"]+)\"")]
    private static partial Regex InsertInto();

    [GeneratedRegex("^UPDATE \"([^\"]+)\" SET (.*?) WHERE ")]
    private static partial Regex UpdateSet();

    [GeneratedRegex("\"([^\"]+)\" = ")]
    private static partial Regex SetColumn();
}
