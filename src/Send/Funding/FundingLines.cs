using System.Text.Json;

namespace SendWorkflow.Send.Funding;

/// <summary>The lines of allocations, plans and outturns as they are stored (JSON, pence) and as they are read (pounds).</summary>
internal static class FundingLines
{
    /// <summary>The headings a plan's or an outturn's lines go under, in the order reports show them.</summary>
    public static readonly IReadOnlyList<string> Headings = ["staff", "interventions", "resources", "training", "other"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal sealed record StoredTopUp(string Description, int Plans, long RatePence);

    internal sealed record StoredLine(string Heading, string Description, long AmountPence);

    public static string Write<T>(IReadOnlyList<T> lines) => JsonSerializer.Serialize(lines, Json);

    public static List<StoredTopUp> TopUps(string json) => JsonSerializer.Deserialize<List<StoredTopUp>>(json, Json) ?? [];

    public static List<StoredLine> Lines(string json) => JsonSerializer.Deserialize<List<StoredLine>>(json, Json) ?? [];

    public static AllocationDto ToDto(SenAllocation a) => new(a.SchoolId, a.FinancialYear, Money.ToPounds(a.NotionalSenBudgetPence),
        TopUps(a.TopUpLines).Select(t => new TopUpLine(t.Description, t.Plans, Money.ToPounds(t.RatePence), Money.ToPounds(t.Plans * t.RatePence)))
            .ToList(),
        TopUps(a.TopUpLines).Sum(t => t.Plans), Money.ToPounds(a.TopUpPence), Money.ToPounds(Total(a)), a.Note, a.RecordedBy,
        new DateTimeOffset(a.RecordedAt, TimeSpan.Zero));

    public static long Total(SenAllocation a) => a.NotionalSenBudgetPence + a.TopUpPence;

    public static BudgetReturnDto ToDto(SenBudgetReturn r)
    {
        var lines = Lines(r.Lines);
        return new BudgetReturnDto(r.SchoolId, r.FinancialYear, r.Kind,
            lines.Select(l => new BudgetLine(l.Heading, l.Description, Money.ToPounds(l.AmountPence))).ToList(),
            Headings.Select(h => new HeadingTotal(h, Money.ToPounds(lines.Where(l => l.Heading == h).Sum(l => l.AmountPence)))).ToList(),
            Money.ToPounds(r.TotalPence), r.Note, r.SubmittedBy, new DateTimeOffset(r.SubmittedAt, TimeSpan.Zero));
    }
}
