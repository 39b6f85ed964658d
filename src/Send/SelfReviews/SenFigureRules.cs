using System.Globalization;
using System.Text.Json;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Send.SelfReviews;

/// <summary>
/// The SEN audit's figures of a self-review: read from the register (the pathway's active pupils, each at their highest
/// stage; counts only, no name), and checked when the school confirms or corrects them.
/// </summary>
public static class SenFigureRules
{
    private const string Pathway = "send-pathway";
    /// <summary>The primary need of a pupil on the register whose need is not recorded yet.</summary>
    public const string NotRecorded = "NONE";
    public const int MaxCount = 100_000;

    public static readonly IReadOnlyList<string> Stages = ["1", "2", "3", "4", "5", "6"];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<SenFigures> FromRegisterAsync(SendWorkflowDbContext db, string schoolId, CancellationToken ct)
    {
        var onRoll = await db.Pupils.AsNoTracking().CountAsync(p => p.SchoolId == schoolId && p.LeftOn == null, ct);
        var rows = await (
            from i in db.Instances.AsNoTracking()
            join p in db.Pupils.AsNoTracking() on i.SubjectId equals p.Id
            where i.SchoolId == schoolId && i.DefinitionId == Pathway && i.Status == InstanceStatus.Active && i.Stage != null
            select new { p.Id, p.PrimaryNeed, Stage = i.Stage!.Value }).ToListAsync(ct);
        // A pupil counts once, at their highest stage, should they have more than one pathway running.
        var pupils = rows.GroupBy(r => r.Id).Select(g => g.MaxBy(r => r.Stage)!).ToList();
        var byStage = Enumerable.Range(1, 6).ToDictionary(n => n.ToString(CultureInfo.InvariantCulture), n => pupils.Count(p => p.Stage == n));
        var byNeed = pupils.Where(p => p.Stage >= 3)
            .GroupBy(p => string.IsNullOrWhiteSpace(p.PrimaryNeed) ? NotRecorded : p.PrimaryNeed.Trim().ToUpperInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return Of(onRoll, byStage, byNeed);
    }

    /// <summary>The figures a school sends, checked (every problem into <paramref name="problems"/>); null when it sends none.</summary>
    public static SenFigures? Check(SenFiguresInput? input, ProblemCollector problems)
    {
        if (input is null) return null;
        var before = problems.Problems.Count;
        problems.Check(input.OnRoll is >= 0 and <= MaxCount, "figures.onRoll", $"'figures.onRoll' is required: 0 to {MaxCount} pupils.")
            .Check(input.ByStage is not null, "figures.byStage", "'figures.byStage' is required: the pupils at each stage, \"1\" to \"6\".");
        foreach (var (stage, count) in input.ByStage ?? [])
        {
            problems.Check(Stages.Contains(stage), $"figures.byStage.{stage}", $"'{stage}' is not a stage of the pathway (\"1\" to \"6\").")
                .Check(count is >= 0 and <= MaxCount, $"figures.byStage.{stage}", $"The pupils at stage {stage} must be 0 to {MaxCount}.");
        }
        foreach (var (need, count) in input.ByPrimaryNeed ?? [])
        {
            problems.Check(need == NotRecorded || CensusNeeds.All.ContainsKey(need), $"figures.byPrimaryNeed.{need}",
                    $"'{need}' is not a census primary need: use one of {string.Join(", ", CensusNeeds.All.Keys)} or {NotRecorded}.")
                .Check(count is >= 0 and <= MaxCount, $"figures.byPrimaryNeed.{need}", $"The pupils with {need} must be 0 to {MaxCount}.");
        }
        if (problems.Problems.Count > before) return null;
        var figures = Of(input.OnRoll!.Value, Stages.ToDictionary(s => s, s => input.ByStage!.GetValueOrDefault(s)),
            (input.ByPrimaryNeed ?? []).Where(n => n.Value > 0).OrderBy(n => n.Key, StringComparer.Ordinal).ToDictionary(n => n.Key, n => n.Value));
        var register = figures.SenSupport + figures.EhcPlans;
        problems.Check(input.SenSupport is null || input.SenSupport == figures.SenSupport, "figures.senSupport",
                $"'figures.senSupport' ({input.SenSupport}) is not the pupils at stages 3 to 5 ({figures.SenSupport}).")
            .Check(input.EhcPlans is null || input.EhcPlans == figures.EhcPlans, "figures.ehcPlans",
                $"'figures.ehcPlans' ({input.EhcPlans}) is not the pupils at stage 6 ({figures.EhcPlans}).")
            .Check(figures.ByStage.Values.Sum() <= figures.OnRoll, "figures.onRoll",
                $"More pupils are at a stage ({figures.ByStage.Values.Sum()}) than are on roll ({figures.OnRoll}).")
            .Check(figures.ByPrimaryNeed.Values.Sum() <= register, "figures.byPrimaryNeed",
                $"The pupils by primary need ({figures.ByPrimaryNeed.Values.Sum()}) are more than those on the register, "
                + $"stages 3 to 6 ({register}).");
        return problems.Problems.Count > before ? null : figures;
    }

    public static SenFigures? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<SenFigures>(json, Json);

    /// <summary>Figures added up: a borough's total over its schools.</summary>
    public static SenFigures Sum(IReadOnlyCollection<SenFigures> all) =>
        Of(all.Sum(f => f.OnRoll), Stages.ToDictionary(s => s, s => all.Sum(f => f.ByStage.GetValueOrDefault(s))),
            all.SelectMany(f => f.ByPrimaryNeed).GroupBy(n => n.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(n => n.Value)));

    private static SenFigures Of(int onRoll, Dictionary<string, int> byStage, Dictionary<string, int> byNeed) =>
        new(onRoll, byStage, byStage["3"] + byStage["4"] + byStage["5"], byStage["6"], byNeed);
}
