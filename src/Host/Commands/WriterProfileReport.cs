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
        Console.WriteLine($"the writer's time:  {total.TotalSeconds:0.00} s in {profile.Commits} commits of {profile.ChangeSets} change sets "
            + $"({(double)profile.ChangeSets / Math.Max(1, profile.Commits):0.0} a commit), by statement, and its microseconds for each {per}:");
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
        Console.WriteLine($"pages to the log:   {profile.Pages} ({(double)profile.Pages / Math.Max(1, profile.Commits):0.0} a commit, "
            + $"{(double)profile.Pages / Math.Max(1, profile.ChangeSets):0.0} a change set)");
    }
}
