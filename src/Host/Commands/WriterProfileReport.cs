using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Host.Commands;

/// <summary>The bench's <c>--profile</c>: the single writer's time over the counted pupils, statement by statement.</summary>
internal static class WriterProfileReport
{
    public static void Print(WriterProfile profile, int events)
    {
        var lines = profile.Lines();
        var total = lines.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Time);
        Console.WriteLine();
        Console.WriteLine($"the writer's time:  {total.TotalSeconds:0.00} s in {profile.Commits} commits of {profile.ChangeSets} change sets "
            + $"({(double)profile.ChangeSets / Math.Max(1, profile.Commits):0.0} a commit; the starts' too), by statement:");
        Console.WriteLine($"  {"statement",-62} {"count",8} {"ms",9} {"us each",8} {"us/event",8} {"share",6}");
        foreach (var line in lines)
        {
            var label = line.Label.Length > 62 ? line.Label[..59] + "..." : line.Label;
            Console.WriteLine($"  {label,-62} {line.Count,8} {line.Time.TotalMilliseconds,9:0.0} "
                + $"{line.Time.TotalMicroseconds / line.Count,8:0.0} {line.Time.TotalMicroseconds / events,8:0.0} {line.Time / total,6:0.0%}");
        }
        Console.WriteLine($"pages to the log:   {profile.Pages} ({(double)profile.Pages / Math.Max(1, profile.Commits):0.0} a commit, "
            + $"{(double)profile.Pages / Math.Max(1, profile.ChangeSets):0.0} a change set)");
    }
}
