using System.Globalization;
using System.Text.Json;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>What changed from one version to another, in sentences a SENCo can check before publishing.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffLine> Compare(WorkflowDefinition from, WorkflowDefinition to)
    {
        var lines = new List<DiffLine>();
        if (from.Name != to.Name) lines.Add(new("changed", "definition", $"Name: \"{from.Name}\" became \"{to.Name}\"."));
        if (from.InitialState != to.InitialState)
            lines.Add(new("changed", "definition", $"Pupils now start in '{to.InitialState}' instead of '{from.InitialState}'."));
        Parameters(from, to, lines);
        Findings(from, to, lines);
        States(from, to, lines);
        Transitions(from, to, lines);
        return lines;
    }

    private static void Parameters(WorkflowDefinition from, WorkflowDefinition to, List<DiffLine> lines)
    {
        foreach (var (name, p) in to.Parameters.Where(p => !from.Parameters.ContainsKey(p.Key)))
            lines.Add(new("added", "parameter", $"Parameter {name}: {Amount(p)}."));
        foreach (var name in from.Parameters.Keys.Where(k => !to.Parameters.ContainsKey(k)))
            lines.Add(new("removed", "parameter", $"Parameter {name}."));
        foreach (var (name, p) in to.Parameters)
        {
            if (from.Parameters.TryGetValue(name, out var old) && !Same(old, p))
                lines.Add(new("changed", "parameter", $"Parameter {name}: {Amount(old)} became {Amount(p)}."));
        }
    }

    private static void Findings(WorkflowDefinition from, WorkflowDefinition to, List<DiffLine> lines)
    {
        foreach (var (id, f) in to.Findings.Where(f => !from.Findings.ContainsKey(f.Key)))
            lines.Add(new("added", "finding", $"Finding {f.Label ?? id}: {f.Expression}."));
        foreach (var (id, f) in from.Findings.Where(f => !to.Findings.ContainsKey(f.Key)))
            lines.Add(new("removed", "finding", $"Finding {f.Label ?? id}."));
        foreach (var (id, f) in to.Findings)
        {
            if (from.Findings.TryGetValue(id, out var old) && old.Expression != f.Expression)
                lines.Add(new("changed", "finding", $"Finding {f.Label ?? id}: {old.Expression} became {f.Expression}."));
            else if (old is not null && (old.Label != f.Label || old.Description != f.Description))
                lines.Add(new("changed", "finding", $"Finding {f.Label ?? id}: its label or description."));
        }
    }

    private static void States(WorkflowDefinition from, WorkflowDefinition to, List<DiffLine> lines)
    {
        var old = from.States.ToDictionary(s => s.Id);
        var moved = 0;
        foreach (var s in to.States)
        {
            if (!old.TryGetValue(s.Id, out var o))
            {
                lines.Add(new("added", "state", $"State \"{s.Name}\" ({s.Id}){(s.Stage is { } n ? $", stage {n}" : "")}."));
                continue;
            }
            var changes = new List<string>();
            if (o.Name != s.Name) changes.Add($"name \"{o.Name}\" became \"{s.Name}\"");
            if (o.Stage != s.Stage) changes.Add($"stage {Stage(o.Stage)} became {Stage(s.Stage)}");
            if (!o.Roles.SequenceEqual(s.Roles)) changes.Add($"roles became {string.Join(", ", s.Roles.Select(DefinitionWording.Role))}");
            if (!Same(o.Timeframe, s.Timeframe)) changes.Add($"timeframe {Time(o.Timeframe, from)} became {Time(s.Timeframe, to)}");
            if (o.Terminal != s.Terminal) changes.Add(s.Terminal ? "now ends the pathway" : "no longer ends the pathway");
            if (o.Starts != s.Starts) changes.Add($"starts {s.Starts ?? "nothing"} on entry");
            if (changes.Count > 0) lines.Add(new("changed", "state", $"State \"{s.Name}\": {string.Join("; ", changes)}."));
            if (!Same(o.Layout, s.Layout)) moved++;
            Items(o.Tasks, s.Tasks, t => t.Id,
                t => $"task \"{t.Title}\" for {DefinitionWording.Role(t.Role)}{(t.Due is null ? "" : $", due {Time(t.Due, to)}")}", "task", s.Name,
                lines);
            Items(o.Timers, s.Timers, t => t.Id,
                t => $"timer {t.Id} {(t.Every is not null ? $"every {Time(t.Every, to)}" : $"after {Time(t.After, to)}")}", "timer", s.Name, lines);
        }
        foreach (var s in from.States.Where(s => to.States.All(n => n.Id != s.Id)))
            lines.Add(new("removed", "state", $"State \"{s.Name}\" ({s.Id})."));
        if (moved > 0) lines.Add(new("changed", "state", $"{moved} state{(moved == 1 ? " was" : "s were")} moved on the page."));
    }

    private static void Transitions(WorkflowDefinition from, WorkflowDefinition to, List<DiffLine> lines)
    {
        var old = from.Transitions.ToDictionary(t => t.Id);
        foreach (var t in to.Transitions)
        {
            if (!old.TryGetValue(t.Id, out var o))
            {
                lines.Add(new("added", "transition", $"Arrow from {t.From} to {t.To}: \"{DefinitionWording.Arrow(t, to)}\"."));
                if (t.Rule is { } rule) lines.Add(new("added", "rule", $"Rule {rule.Name} on {t.Id}: {rule.Expression}"));
                continue;
            }
            var changes = new List<string>();
            if (o.From != t.From || o.To != t.To) changes.Add($"now from {t.From} to {t.To}");
            if (o.On != t.On) changes.Add($"listens to {t.On} instead of {o.On}");
            if (o.Priority != t.Priority) changes.Add($"priority {o.Priority} became {t.Priority}");
            if (o.Label != t.Label) changes.Add($"label became \"{t.Label}\"");
            if (changes.Count > 0) lines.Add(new("changed", "transition", $"Arrow {t.Id}: {string.Join("; ", changes)}."));
            if (o.Rule is null && t.Rule is not null) lines.Add(new("added", "rule", $"Rule {t.Rule.Name} on {t.Id}: {t.Rule.Expression}"));
            else if (o.Rule is not null && t.Rule is null) lines.Add(new("removed", "rule", $"Rule {o.Rule.Name} on {t.Id}."));
            else if (o.Rule is not null && t.Rule is not null && !Same(o.Rule, t.Rule))
                lines.Add(new("changed", "rule", $"Rule {t.Rule.Name} on {t.Id}: \"{o.Rule.Expression}\" became \"{t.Rule.Expression}\"."));
        }
        foreach (var t in from.Transitions.Where(t => to.Transitions.All(n => n.Id != t.Id)))
            lines.Add(new("removed", "transition", $"Arrow from {t.From} to {t.To}: \"{DefinitionWording.Arrow(t, from)}\"."));
    }

    private static void Items<T>(List<T> old, List<T> now, Func<T, string> id, Func<T, string> words, string area, string state, List<DiffLine> lines)
    {
        var before = old.GroupBy(id).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in now)
        {
            if (!before.TryGetValue(id(item), out var o)) lines.Add(new("added", area, $"In \"{state}\": {words(item)}."));
            else if (!Same(o, item)) lines.Add(new("changed", area, $"In \"{state}\": {words(o)} became {words(item)}."));
        }
        foreach (var item in old.Where(o => now.All(n => id(n) != id(o))))
            lines.Add(new("removed", area, $"In \"{state}\": {words(item)}."));
    }

    private static string Amount(ParameterDefinition p) =>
        p.Default is { } n ? Units.Describe(n, p.Unit) : $"no default ({DefinitionWording.Unit(p.Unit)})";

    private static string Stage(int? stage) => stage?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Time(When? when, WorkflowDefinition d) => when is null ? "none" : DefinitionWording.Timeframe(when, d);

    // Records holding lists compare lists by reference; the JSON form compares what the document says.
    private static bool Same<T>(T a, T b) =>
        JsonSerializer.Serialize(a, DefinitionJson.Options) == JsonSerializer.Serialize(b, DefinitionJson.Options);
}
