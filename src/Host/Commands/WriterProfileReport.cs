using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Host.Commands;

/// <summary>
/// The <c>--profile</c> of <c>bench</c> and <c>simulate</c>: the single writer's time over the counted pupils (the simulated
/// year), statement by statement.
/// </summary>
internal static class WriterProfileReport
{
    /// <param name="per">What <paramref name="events"/> counts, for the column of the writer's time for each.</param>
    public static void Print(WriterProfile profile, long events, string per = "event")
    {
        var lines = profile.Lines();
        var total = lines.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Time);
        Console.WriteLine();
        // A replay knows its commits but not the change sets they held (simulate replay).
        var changeSets = profile.ChangeSets == 0 ? ""
            : $" of {profile.ChangeSets} change sets ({(double)profile.ChangeSets / Math.Max(1, profile.Commits):0.0} a commit)";
        Console.WriteLine($"the writer's time:  {total.TotalSeconds:0.00} s in {profile.Commits} commits{changeSets}, by statement, "
            + $"and its microseconds for each {per}:");
        Console.WriteLine($"  {"statement",-62} {"count",8} {"ms",9} {"us each",8} {"us/" + per.Split(' ')[0],8} {"share",6}");
        // The statements of less than 1% each on one line, so that a simulated year's tens of instance updates fit.
        var shown = lines.Where(l => l.Time >= total / 100).ToList();
        var rest = lines.Except(shown).ToList();
        if (rest.Count > 1)
        {
            shown.Add(new($"{rest.Count} other statements", rest.Sum(l => l.Count), rest.Aggregate(TimeSpan.Zero, (t, l) => t + l.Time)));
        }
        else
        {
            shown.AddRange(rest);
        }
        foreach (var line in shown)
        {
            var label = line.Label.Length > 62 ? line.Label[..59] + "..." : line.Label;
            Console.WriteLine($"  {label,-62} {line.Count,8} {line.Time.TotalMilliseconds,9:0.0} "
                + $"{line.Time.TotalMicroseconds / line.Count,8:0.0} {line.Time.TotalMicroseconds / events,8:0.0} {line.Time / total,6:0.0%}");
        }
        Console.WriteLine($"pages to the log:   {profile.Pages} ({(double)profile.Pages / Math.Max(1, profile.Commits):0.0} a commit"
            + (profile.ChangeSets == 0 ? ")" : $", {(double)profile.Pages / profile.ChangeSets:0.0} a change set)"));
        PrintUnits(profile);
    }

    // The units' side: their reads (each begins with an empty page cache once another connection has committed), and where
    // their latency went, band by band, so that a slow unit's wait is seen for what it is.
    private static void PrintUnits(WriterProfile profile)
    {
        var bands = profile.Latency();
        if (bands[0].Units == 0) return;
        Console.WriteLine($"the units' reads:   {profile.Reads} in {profile.ReadTime.TotalSeconds:0.00} s, "
            + $"{profile.ReadTime.TotalMicroseconds / Math.Max(1, profile.Reads):0} us each, "
            + $"{profile.ReadTime.TotalMicroseconds / bands[0].Units:0} us a unit of work ({(double)profile.Reads / bands[0].Units:0.0} reads)");
        Console.WriteLine("where a unit's latency went, mean ms (units by latency; from its start to its caller resuming):");
        Console.WriteLine($"  {"units",-14} {"count",7} {"whole",7} {"in the unit",12} {"waiting",8} {"in the batch",13} {"to resume",10}");
        foreach (var b in bands)
        {
            Console.WriteLine($"  {b.Label,-14} {b.Units,7} {b.Whole.TotalMilliseconds,7:0.00} {b.InUnit.TotalMilliseconds,12:0.00} "
                + $"{b.Waiting.TotalMilliseconds,8:0.00} {b.InBatch.TotalMilliseconds,13:0.00} {b.ToResume.TotalMilliseconds,10:0.00}");
        }
        Console.WriteLine("  (in the unit: its reads, rules and rows; waiting: for the writer's batch before it; in the batch: the change sets "
            + "before it, its own and the commit; to resume: from the commit until a thread ran its caller on)");
    }
}
