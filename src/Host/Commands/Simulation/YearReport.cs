namespace SendWorkflow.Host.Commands.Simulation;

/// <summary>The stage distribution at each half term and the year's figures, read back from the database.</summary>
internal sealed class YearReport(IDbContextFactory<SendWorkflowDbContext> factory, int pupils)
{
    private static readonly string[] States =
        ["cause-of-concern", "initial-concern", "sen-support", "sen-support-agencies", "statutory-assessment", "ehcp", "closed"];

    private readonly List<(string Label, DateOnly Day, Dictionary<string, int> Counts)> _snapshots = [];

    public async Task SnapshotAsync(string label, DateOnly day, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.Instances.AsNoTracking().Where(i => i.DefinitionId == "send-pathway").GroupBy(i => i.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        _snapshots.Add((label, day, counts));
    }

    public void PrintDistribution()
    {
        Console.WriteLine("Stage distribution (pupils per state; half terms at the start of their first day, before its work)");
        Console.WriteLine($"  {"",-24}{string.Concat(_snapshots.Select(s => $"{s.Label,10}"))}");
        var days = _snapshots.Select(s => $"{s.Day.ToString("dd MMM", System.Globalization.CultureInfo.InvariantCulture),10}");
        Console.WriteLine($"  {"",-24}{string.Concat(days)}");
        Row("not yet referred", s => pupils - s.Values.Sum());
        foreach (var (state, stage) in States.Select((s, i) => (s, i < 6 ? $"{i + 1} " : "  ")))
        {
            Row($"{stage}{state}", s => s.GetValueOrDefault(state));
        }
        var unknown = _snapshots.SelectMany(s => s.Counts.Keys).Except(States).Distinct().ToList();
        foreach (var state in unknown) Row($"? {state}", s => s.GetValueOrDefault(state));
    }

    private void Row(string name, Func<Dictionary<string, int>, int> value) =>
        Console.WriteLine($"  {name,-24}{string.Concat(_snapshots.Select(s => $"{value(s.Counts),10}"))}");

    public async Task<YearFigures> FiguresAsync(DateOnly lastDay, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviews = await db.Tasks.AsNoTracking().Where(t => t.Kind == "review" && t.Status == WorkTaskStatus.Completed)
            .Select(t => new { t.DueOn, t.CompletedAt }).ToListAsync(ct);
        var onTime = reviews.Count(r => r.CompletedAt is { } at && UkTime.DateOf(new DateTimeOffset(at, TimeSpan.Zero)) <= r.DueOn);
        var overdue = await db.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open && t.DueOn < lastDay)
            .GroupBy(t => t.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var cancelledReviews = await db.Tasks.CountAsync(t => t.Kind == "review" && t.Status == WorkTaskStatus.Cancelled, ct);
        var escalationTasks = await db.Tasks.AsNoTracking().Where(t => t.Kind == "escalation").GroupBy(t => t.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var journal = await db.Journal.AsNoTracking().GroupBy(j => j.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new YearFigures(reviews.Count, onTime, cancelledReviews, overdue, escalationTasks, journal);
    }
}

internal sealed record YearFigures(int ReviewsCompleted, int ReviewsOnTime, int ReviewsCancelled,
    Dictionary<string, int> OverdueByKind, Dictionary<WorkTaskStatus, int> EscalationTasks, Dictionary<string, int> JournalByKind)
{
    public int Events => JournalByKind.GetValueOrDefault(JournalKinds.Event);
    public int Journal => JournalByKind.Values.Sum();
}
