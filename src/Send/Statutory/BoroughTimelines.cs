using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SendWorkflow.Send.Statutory;

/// <summary>
/// Each borough's timelines: versioned parameter sets that override the definitions' defaults for the borough's
/// pupils. A new version applies to deadlines planned after it; <see cref="ApplyAsync"/> re-plans running cases.
/// The catalog and the engine are fetched when needed: the catalog itself asks this class for a borough's values.
/// </summary>
public sealed class BoroughTimelines(
    IDbContextFactory<SendWorkflowDbContext> factory, IServiceProvider services, TimeProvider time, ILogger<BoroughTimelines> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    // A misspelt property in a file is an error, not a silently ignored value.
    private static readonly JsonSerializerOptions StrictJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };
    private readonly ConcurrentDictionary<string, BoroughParameterSet> _current = new(StringComparer.Ordinal);

    /// <summary>The set in force for the borough, or null when it uses the definitions' defaults.</summary>
    public BoroughParameterSet? Current(string boroughId) => _current.GetValueOrDefault(boroughId);

    public async Task LoadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var latest = await db.BoroughParameters.AsNoTracking()
            .GroupBy(p => p.BoroughId).Select(g => g.OrderByDescending(p => p.Version).First()).ToListAsync(ct);
        foreach (var row in latest) _current[row.BoroughId] = ToSet(row);
    }

    public async Task<BoroughParametersDto> GetAsync(string boroughId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireBoroughAsync(db, boroughId, ct);
        var row = await db.BoroughParameters.AsNoTracking().Where(p => p.BoroughId == boroughId)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return new BoroughParametersDto(boroughId, 0, new Dictionary<string, Dictionary<string, double>>(), null, null, null,
                "The definitions' defaults.", []);
        }
        var values = Parse(row.Json);
        return ToDto(row, values, await WarningsAsync(values, ct));
    }

    public async Task<IReadOnlyList<BoroughParametersDto>> HistoryAsync(string boroughId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireBoroughAsync(db, boroughId, ct);
        var rows = await db.BoroughParameters.AsNoTracking().Where(p => p.BoroughId == boroughId)
            .OrderByDescending(p => p.Version).ToListAsync(ct);
        return rows.Select(r => ToDto(r, Parse(r.Json), [])).ToList();
    }

    /// <summary>
    /// Saves a new version after checking every value against the published definitions: unknown definitions or
    /// parameters and negative durations are refused; values looser than the law are kept with a warning that names
    /// the regulation. Content equal to the version in force saves nothing.
    /// </summary>
    public async Task<BoroughParametersDto> SaveAsync(string boroughId, SaveBoroughParametersRequest body, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireBoroughAsync(db, boroughId, ct);
        var values = body.Parameters ?? [];
        var problems = new List<Problem>();
        if (body.Parameters is null)
        {
            problems.Add(new Problem("'parameters' is required: values per definition id and parameter name.", "parameters"));
        }
        if (string.IsNullOrWhiteSpace(body.ChangedBy)) problems.Add(new Problem("'changedBy' is required: who made the change.", "changedBy"));
        else if (body.ChangedBy.Length > 200) problems.Add(new Problem("'changedBy' must be at most 200 characters.", "changedBy"));
        if (body.Note is { Length: > 2000 }) problems.Add(new Problem("'note' must be at most 2000 characters.", "note"));
        problems.AddRange(await CheckAsync(values, ct));
        if (problems.Count > 0) throw new RequestValidationException(problems);

        var previous = await db.BoroughParameters.AsNoTracking().Where(p => p.BoroughId == boroughId)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        var before = previous is null ? [] : Parse(previous.Json);
        var warnings = await WarningsAsync(values, ct);
        var changes = Describe(before, values);
        if (previous is not null && changes.Count == 0) return ToDto(previous, before, warnings);

        var row = new BoroughParametersRecord
        {
            BoroughId = boroughId,
            Version = (previous?.Version ?? 0) + 1,
            Json = JsonSerializer.Serialize(values, Json),
            ChangedBy = body.ChangedBy!.Trim(),
            ChangedAt = time.GetUtcNow().UtcDateTime,
            Note = body.Note,
            Changes = changes.Count == 0 ? "No values set: the definitions' defaults." : string.Join("; ", changes),
        };
        db.BoroughParameters.Add(row);
        await db.SaveChangesAsync(ct);
        _current[boroughId] = ToSet(row);
        logger.LogInformation("Borough {Borough} timelines saved as version {Version}", boroughId, row.Version);
        return ToDto(row, values, warnings);
    }

    /// <summary>Re-plans the pending deadlines of every running case in the borough under the timelines in force.</summary>
    public async Task<ApplyBoroughParametersResult> ApplyAsync(string boroughId, ApplyBoroughParametersRequest body, CancellationToken ct)
    {
        new ProblemCollector().Require(body.AppliedBy, "appliedBy").ThrowIfAny();
        await using var db = await factory.CreateDbContextAsync(ct);
        await RequireBoroughAsync(db, boroughId, ct);
        var version = Current(boroughId)?.Version ?? 0;
        var ids = await db.Instances.AsNoTracking()
            .Where(i => i.BoroughId == boroughId && i.Status == InstanceStatus.Active)
            .Select(i => i.Id).ToListAsync(ct);
        var engine = services.GetRequiredService<WorkflowEngine>();
        var reason = version == 0 ? "under the definitions' default timelines" : $"under the borough's timelines version {version}";
        int replanned = 0, moved = 0;
        foreach (var id in ids)
        {
            var n = await engine.ReplanAsync(id, reason, body.AppliedBy!.Trim(), ct);
            if (n > 0) replanned++;
            moved += n;
        }
        logger.LogInformation("Borough {Borough} timelines version {Version} applied: {Replanned} of {Checked} running cases re-planned",
            boroughId, version, replanned, ids.Count);
        return new ApplyBoroughParametersResult(boroughId, version, ids.Count, replanned, moved);
    }

    /// <summary>Imports each file of definitions/boroughs as a new version when it differs from the one in force.</summary>
    public async Task ImportFolderAsync(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var doc = JsonSerializer.Deserialize<BoroughParametersFile>(await File.ReadAllTextAsync(file, ct), StrictJson)
                    ?? throw new JsonException("The file is empty.");
                if (string.IsNullOrWhiteSpace(doc.Borough)) throw new JsonException("'borough' is required.");
                await using (var db = await factory.CreateDbContextAsync(ct))
                {
                    if (!await db.Boroughs.AnyAsync(b => b.Id == doc.Borough, ct))
                    {
                        logger.LogInformation("Borough timelines file {File} skipped: there is no borough {Borough} yet", Path.GetFileName(file),
                            doc.Borough);
                        continue;
                    }
                    // A file already imported once is not imported again, so a change made through the API survives a restart.
                    var json = JsonSerializer.Serialize(doc.Parameters ?? [], Json);
                    if (await db.BoroughParameters.AnyAsync(p => p.BoroughId == doc.Borough && p.Json == json, ct)) continue;
                }
                var saved = await SaveAsync(doc.Borough, new SaveBoroughParametersRequest(doc.Parameters ?? [], "definitions/boroughs", doc.Note),
                    ct);
                logger.LogInformation("Borough timelines file {File}: version {Version}", Path.GetFileName(file), saved.Version);
            }
            catch (Exception ex) when (ex is JsonException or RequestValidationException or NotFoundException)
            {
                logger.LogError("Borough timelines file {File} was not imported: {Problem}", Path.GetFileName(file),
                    ex is RequestValidationException v ? string.Join(" ", v.Problems.Select(p => p.Message)) : ex.Message);
            }
        }
    }

    private async Task<List<Problem>> CheckAsync(Dictionary<string, Dictionary<string, double>> values, CancellationToken ct)
    {
        var catalog = services.GetRequiredService<IDefinitionCatalog>();
        var problems = new List<Problem>();
        foreach (var (definitionId, parameters) in values)
        {
            CompiledDefinition definition;
            try
            {
                definition = await catalog.GetPublishedAsync(definitionId, ct);
            }
            catch (DefinitionNotFoundException)
            {
                problems.Add(new Problem($"There is no published definition '{definitionId}'.", $"parameters.{definitionId}", "unknown-definition"));
                continue;
            }
            foreach (var (name, value) in parameters ?? [])
            {
                var field = $"parameters.{definitionId}.{name}";
                if (!definition.Definition.Parameters.TryGetValue(name, out var declared))
                {
                    var known = string.Join(", ", definition.Definition.Parameters.Keys);
                    problems.Add(new Problem($"'{definitionId}' has no parameter '{name}' (it has {known}).", field, "unknown-parameter"));
                }
                else if (!double.IsFinite(value) || value < 0)
                {
                    var given = value.ToString(CultureInfo.InvariantCulture);
                    problems.Add(new Problem(
                        $"'{name}' of '{definitionId}' must be zero or more {declared.Unit}, not {given}.", field, "negative-parameter"));
                }
                else if (declared.Unit is Units.Months or Units.Terms or Units.HalfTerms && value != Math.Floor(value))
                {
                    problems.Add(new Problem($"'{name}' of '{definitionId}' counts whole {declared.Unit}.", field, "fractional-time"));
                }
            }
        }
        return problems;
    }

    private async Task<List<Problem>> WarningsAsync(Dictionary<string, Dictionary<string, double>> values, CancellationToken ct)
    {
        var catalog = services.GetRequiredService<IDefinitionCatalog>();
        var warnings = new List<Problem>();
        foreach (var (definitionId, parameters) in values)
        {
            CompiledDefinition definition;
            try { definition = await catalog.GetPublishedAsync(definitionId, ct); }
            catch (DefinitionNotFoundException) { continue; }
            foreach (var (name, value) in parameters ?? [])
            {
                if (definition.Definition.Parameters.TryGetValue(name, out var p) && p.Law is { } law && law.IsLooserThanLaw(value))
                {
                    var limit = law.Max is { } max ? $"at most {Units.Describe(max, p.Unit)}" : $"at least {Units.Describe(law.Min ?? 0, p.Unit)}";
                    warnings.Add(new Problem(
                        $"{Units.Describe(value, p.Unit)} for '{name}' of '{definitionId}' is looser than the law: "
                        + $"{law.Regulation} sets {limit}. Deadlines will follow the borough's value; "
                        + "compliance is still measured against the law.",
                        $"parameters.{definitionId}.{name}", "looser-than-law"));
                }
            }
        }
        return warnings;
    }

    private static List<string> Describe(Dictionary<string, Dictionary<string, double>> before, Dictionary<string, Dictionary<string, double>> after)
    {
        var changes = new List<string>();
        foreach (var definitionId in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(definitionId) ?? [];
            var now = after.GetValueOrDefault(definitionId) ?? [];
            foreach (var name in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var had = old.TryGetValue(name, out var a);
                var has = now.TryGetValue(name, out var b);
                if (had && has && a == b) continue;
                changes.Add(!had ? $"{definitionId}.{name} set to {Number(b)}"
                    : !has ? $"{definitionId}.{name} back to the default (was {Number(a)})"
                    : $"{definitionId}.{name} from {Number(a)} to {Number(b)}");
            }
        }
        return changes;
    }

    private static string Number(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static async Task RequireBoroughAsync(SendWorkflowDbContext db, string boroughId, CancellationToken ct)
    {
        if (!await db.Boroughs.AnyAsync(b => b.Id == boroughId, ct)) throw new NotFoundException($"There is no borough '{boroughId}'.");
    }

    private static Dictionary<string, Dictionary<string, double>> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(json, Json) ?? [];

    private static BoroughParameterSet ToSet(BoroughParametersRecord row) =>
        new(row.BoroughId, row.Version, Parse(row.Json).ToDictionary(
            p => p.Key, p => (IReadOnlyDictionary<string, double>)p.Value, StringComparer.Ordinal));

    private static BoroughParametersDto ToDto(BoroughParametersRecord row, Dictionary<string, Dictionary<string, double>> values,
        IReadOnlyList<Problem> warnings) =>
        new(row.BoroughId, row.Version, values, row.ChangedBy, row.ChangedAt, row.Note, row.Changes, warnings);
}
