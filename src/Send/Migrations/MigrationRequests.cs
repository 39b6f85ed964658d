using SendWorkflow.Send.Definitions;
using SendWorkflow.Workflows.Runtime.Migration;

namespace SendWorkflow.Send.Migrations;

/// <summary>
/// Checks a move before anything runs and lists every problem: versions that are not this definition's, a target that is
/// not published, a map from or to a state that does not exist, a state pupils are in left unmapped. Who may move pupils:
/// whoever may publish the target version's variant (its school's SENCo, its borough's LA officer, an administrator).
/// </summary>
internal static class MigrationRequests
{
    public const int MaxPupils = 20000;

    /// <param name="mapOptional">Leave the map's problems out (the Studio's form, which shows the map to fill in).</param>
    public static async Task<MigrationScope> ResolveAsync(SendWorkflowDbContext db, AccessGuard guard, Caller caller,
        (string Id, MigrationRequest Body) ask, CancellationToken ct, bool mapOptional = false)
    {
        var (id, body) = ask;
        new ProblemCollector()
            .Check(body.FromVersion is > 0, "fromVersion", "'fromVersion' is required: the version the pupils run now.")
            .Check(body.ToVersion is > 0, "toVersion", "'toVersion' is required: the version to move them to.")
            .Check(body.Pupils is null || body.Pupils.Count <= MaxPupils, "pupils", $"'pupils' lists at most {MaxPupils} pupils.")
            .ThrowIfAny();
        int from = body.FromVersion!.Value, to = body.ToVersion!.Value;
        var rows = await db.DefinitionVersions.AsNoTracking().Where(v => v.Version == from || v.Version == to).ToListAsync(ct);
        if (!rows.Any(r => r.DefinitionId == id) && !await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == id, ct))
            throw new DefinitionNotFoundException(id);
        var fromRow = rows.FirstOrDefault(r => r.DefinitionId == id && r.Version == from);
        var toRow = rows.FirstOrDefault(r => r.DefinitionId == id && r.Version == to);
        var scope = await guard.RequireVariantAsync(caller, toRow?.Scope);

        var problems = new ProblemCollector();
        problems.Check(fromRow is not null, "fromVersion", Missing(rows, id, from))
            .Check(toRow is not null, "toVersion", Missing(rows, id, to))
            .Check(from != to, "toVersion", $"Pupils move to another version: 'fromVersion' and 'toVersion' are both {from}.")
            .Check(toRow is null || toRow.Status == DefinitionStatus.Published, "toVersion", toRow?.Status == DefinitionStatus.Draft
                ? $"Version {to} is a draft: publish it before moving pupils to it."
                : $"Version {to} has been replaced by a later version: move pupils to the published version.");
        if (fromRow is null || toRow is null)
        {
            problems.ThrowIfAny();
        }
        var fromDoc = DefinitionUpgrade.Apply(DefinitionJson.Parse(fromRow!.Json));
        var toDoc = DefinitionUpgrade.Apply(DefinitionJson.Parse(toRow!.Json));
        var candidates = await CandidatesAsync(db, guard, caller, (id, from, scope), body.Pupils, problems, ct);
        var map = Map(fromDoc, toDoc, body.StateMap ?? [], candidates, mapOptional ? new ProblemCollector() : problems);
        problems.ThrowIfAny();
        return new MigrationScope(new MigrationVersions(id, from, to, map), scope, fromDoc, toDoc, candidates);
    }

    /// <summary>The full map: what was asked, and states of the same id for the rest; every problem with it listed.</summary>
    public static Dictionary<string, string> Map(WorkflowDefinition from, WorkflowDefinition to, IReadOnlyDictionary<string, string> asked,
        IReadOnlyList<MigrationCandidate> candidates, ProblemCollector problems)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (old, target) in asked)
        {
            problems.Check(from.States.Any(s => s.Id == old), $"stateMap.{old}", $"Version {from.Version} has no state '{old}' to map.")
                .Check(to.States.Any(s => s.Id == target), $"stateMap.{old}",
                    $"Version {to.Version} has no state '{target}' to map '{old}' to.");
            map[old] = target;
        }
        foreach (var s in from.States.Where(s => !s.Terminal && !map.ContainsKey(s.Id) && to.States.Any(t => t.Id == s.Id)))
            map[s.Id] = s.Id;
        foreach (var running in candidates.GroupBy(c => c.Instance.State).Where(g => !map.ContainsKey(g.Key)))
        {
            var count = running.Count();
            problems.Check(false, $"stateMap.{running.Key}", $"{count} pupil{(count == 1 ? " is" : "s are")} in '{running.Key}', which "
                + $"version {to.Version} does not have: map it to a state of version {to.Version}.");
        }
        return map;
    }

    private static async Task<List<MigrationCandidate>> CandidatesAsync(SendWorkflowDbContext db, AccessGuard guard, Caller caller,
        (string Id, int From, string Scope) on, List<string>? pupils, ProblemCollector problems, CancellationToken ct)
    {
        var q = (await guard.InstancesAsync(db, caller, ct))
            .Where(i => i.DefinitionId == on.Id && i.Version == on.From && i.Status == InstanceStatus.Active);
        if (on.Scope.StartsWith("school:", StringComparison.Ordinal)) q = q.Where(i => i.SchoolId == on.Scope.Substring(7));
        else if (on.Scope.StartsWith("borough:", StringComparison.Ordinal)) q = q.Where(i => i.BoroughId == on.Scope.Substring(8));
        var instances = await q.AsNoTracking().OrderBy(i => i.StartedAt).ThenBy(i => i.Id).ToListAsync(ct);
        if (pupils is not null)
        {
            var wanted = new HashSet<string>(pupils, StringComparer.OrdinalIgnoreCase);
            for (var n = 0; n < pupils.Count; n++)
            {
                var p = pupils[n];
                problems.Check(instances.Any(i => i.SubjectId == p || string.Equals(i.Id.ToString(), p, StringComparison.OrdinalIgnoreCase)),
                    $"pupils[{n}]", $"No pupil or workflow '{p}' that this move reaches runs version {on.From} of '{on.Id}'.");
            }
            instances = instances.Where(i => wanted.Contains(i.SubjectId) || wanted.Contains(i.Id.ToString())).ToList();
        }
        var ids = instances.Select(i => i.SubjectId).Distinct().ToList();
        var names = await db.Pupils.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var byId = names.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        return instances.Select(i => new MigrationCandidate(i, byId.GetValueOrDefault(i.SubjectId))).ToList();
    }

    private static string Missing(IReadOnlyList<DefinitionVersionRecord> rows, string id, int version) =>
        rows.FirstOrDefault(r => r.Version == version && r.DefinitionId != id) is { } other
            ? $"Version {version} is a version of '{other.DefinitionId}', not of '{id}': pupils move between versions of the same definition."
            : $"'{id}' has no version {version}.";
}
