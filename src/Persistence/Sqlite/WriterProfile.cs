using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Where the single writer's time goes: each statement's count and time, and each commit's time and the pages it wrote
/// to the log; and where a unit of work's time goes: its reads, and its latency in four parts (<see cref="Latency"/>).
/// Off unless asked for (<c>bench --profile</c> and <c>simulate --profile</c> set
/// <see cref="SqliteWorkflowWriter.Profile"/>); it times every statement, so a service never keeps it on.
/// </summary>
public sealed partial class WriterProfile
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Count, long Ticks)> _bySql = new(StringComparer.Ordinal);
    private readonly List<UnitTimes> _units = [];
    private long _reads, _readTicks;

    /// <summary>One statement's (or the commits', or the rewinds') figures.</summary>
    public sealed record Line(string Label, long Count, TimeSpan Time);

    /// <summary>The commits, the change sets they held and the pages they wrote to the log.</summary>
    public long Commits { get; private set; }

    public long ChangeSets { get; private set; }

    public long Pages { get; private set; }

    /// <summary>The units of work's reads (each a query of <see cref="SqliteSessionReads"/>, its rows made into entities).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    public TimeSpan ReadTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _readTicks));

    /// <summary>
    /// Where the units' latency went, in bands of the units ordered by their latency (the fastest half, then to the 90th,
    /// 99th and past it): each band's mean of the whole and of its four parts (<see cref="LatencyBand"/>).
    /// </summary>
    public IReadOnlyList<LatencyBand> Latency()
    {
        UnitTimes[] units;
        lock (_lock) units = [.. _units.Where(u => u.Committed > 0).OrderBy(u => u.Resumed - u.Started)];
        LatencyBand Band(string label, double from, double to)
        {
            var band = units[(int)(units.Length * from)..(int)(units.Length * to)];
            TimeSpan Mean(Func<UnitTimes, long> ticks) =>
                band.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, band.Sum(ticks) / band.Length);
            return new(label, band.Length, Mean(u => u.Resumed - u.Started), Mean(u => u.Queued - u.Started),
                Mean(u => u.Batched - u.Queued), Mean(u => u.Committed - u.Batched), Mean(u => u.Resumed - u.Committed));
        }
        return [Band("all", 0, 1), Band("fastest half", 0, 0.5), Band("50th to 90th", 0.5, 0.9), Band("90th to 99th", 0.9, 0.99),
            Band("slowest 1%", 0.99, 1)];
    }

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

    internal void Read(long startedAt)
    {
        Interlocked.Add(ref _readTicks, Stopwatch.GetTimestamp() - startedAt);
        Interlocked.Increment(ref _reads);
    }

    internal void Unit(UnitTimes times)
    {
        times.Resumed = Stopwatch.GetTimestamp();
        lock (_lock) _units.Add(times);
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

/// <summary>
/// A band of units' mean latency, from the unit's start (its session opened) to its caller resuming after the commit, and
/// its parts: in the unit (reading, deciding, making its rows), waiting for the writer (its previous batch, its rewinds), in
/// the writer's batch (the statements of the change sets before it and its own, and the commit), and from the commit until a
/// thread ran the caller on.
/// </summary>
public sealed record LatencyBand(string Label, int Units, TimeSpan Whole, TimeSpan InUnit, TimeSpan Waiting, TimeSpan InBatch,
    TimeSpan ToResume);

/// <summary>When a unit of work began, was queued to the writer, its batch began, was committed, and its caller resumed.</summary>
public sealed class UnitTimes(long started)
{
    public long Started { get; } = started;
    public long Queued { get; set; }
    public long Batched { get; set; }
    public long Committed { get; set; }
    public long Resumed { get; set; }
}
