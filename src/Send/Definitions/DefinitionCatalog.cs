using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Send.Definitions;

/// <summary>Compiles each published version once; published content never changes, so the cache never goes stale.</summary>
public sealed class DefinitionCatalog(IDbContextFactory<SendWorkflowDbContext> factory, Statutory.BoroughTimelines timelines) : IDefinitionCatalog
{
    // A borough's variant is keyed by the version of its timelines, so a new version compiles anew and the old stays valid.
    private readonly ConcurrentDictionary<(string, int, string, int), Lazy<CompiledDefinition>> _variants = new();
    private readonly ConcurrentDictionary<(string, int), Lazy<Task<CompiledDefinition>>> _compiled = new();
    private readonly ConcurrentDictionary<string, int> _published = new(StringComparer.Ordinal);
    private volatile IReadOnlyCollection<string>? _statutory;

    public Task<CompiledDefinition> GetAsync(string definitionId, int version, CancellationToken ct) =>
        _compiled.GetOrAdd((definitionId, version), key => new Lazy<Task<CompiledDefinition>>(() => LoadAsync(key.Item1, key.Item2))).Value;

    public async Task<CompiledDefinition> GetPublishedAsync(string definitionId, CancellationToken ct)
    {
        if (!_published.TryGetValue(definitionId, out var version))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var found = await db.DefinitionVersions.AsNoTracking()
                .Where(v => v.DefinitionId == definitionId && v.Status == DefinitionStatus.Published)
                .Select(v => (int?)v.Version).MaxAsync(ct);
            version = found ?? throw new DefinitionNotFoundException(definitionId, "published");
            _published[definitionId] = version;
        }
        return await GetAsync(definitionId, version, ct);
    }

    public async Task<CompiledDefinition> GetAsync(string definitionId, int version, string boroughId, CancellationToken ct) =>
        ForBorough(await GetAsync(definitionId, version, ct), boroughId);

    public async Task<CompiledDefinition> GetPublishedAsync(string definitionId, string boroughId, CancellationToken ct) =>
        ForBorough(await GetPublishedAsync(definitionId, ct), boroughId);

    private CompiledDefinition ForBorough(CompiledDefinition definition, string boroughId)
    {
        if (timelines.Current(boroughId) is not { } set || set.For(definition.Id) is not { } values) return definition;
        return _variants.GetOrAdd((definition.Id, definition.Version, boroughId, set.Version),
            _ => new Lazy<CompiledDefinition>(() => definition.WithParameters(values))).Value;
    }

    public void Invalidate(string definitionId)
    {
        _published.TryRemove(definitionId, out _);
        _statutory = null;
    }

    /// <summary>The definitions whose published version says it is statutory work: what an LA officer sees of a pupil.</summary>
    public async Task<IReadOnlyCollection<string>> StatutoryIdsAsync(CancellationToken ct)
    {
        if (_statutory is { } known) return known;
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await db.DefinitionVersions.AsNoTracking().Where(v => v.Status == DefinitionStatus.Published)
            .Select(v => v.DefinitionId).Distinct().ToListAsync(ct);
        var statutory = new List<string>();
        foreach (var id in ids)
        {
            if ((await GetPublishedAsync(id, ct)).Definition.Statutory) statutory.Add(id);
        }
        return _statutory = statutory;
    }

    private async Task<CompiledDefinition> LoadAsync(string id, int version)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            var row = await db.DefinitionVersions.AsNoTracking()
                .FirstOrDefaultAsync(v => v.DefinitionId == id && v.Version == version && v.Status != DefinitionStatus.Draft)
                ?? throw new DefinitionNotFoundException(id, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return CompiledDefinition.Compile(DefinitionUpgrade.Apply(DefinitionJson.Parse(row.Json)));
        }
        catch
        {
            _compiled.TryRemove((id, version), out _);
            throw;
        }
    }
}
