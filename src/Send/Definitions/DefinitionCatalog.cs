using System.Collections.Concurrent;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Send.Definitions;

/// <summary>Compiles each published version once; published content never changes, so the cache never goes stale.</summary>
public sealed class DefinitionCatalog(IDbContextFactory<SendWorkflowDbContext> factory, Statutory.BoroughTimelines timelines) : IDefinitionCatalog
{
    // A borough's variant is keyed by the version of its timelines, so a new version compiles anew and the old stays valid.
    private readonly ConcurrentDictionary<(string, int, string, int), Lazy<CompiledDefinition>> _variants = new();
    private readonly ConcurrentDictionary<(string, int), Lazy<Task<CompiledDefinition>>> _compiled = new();
    // The published version of each (definition, variant); absent when the variant has published none.
    private readonly ConcurrentDictionary<(string Id, string Scope), int?> _published = new();
    private volatile IReadOnlyCollection<string>? _statutory;

    public Task<CompiledDefinition> GetAsync(string definitionId, int version, CancellationToken ct) =>
        _compiled.GetOrAdd((definitionId, version), key => new Lazy<Task<CompiledDefinition>>(() => LoadAsync(key.Item1, key.Item2))).Value;

    /// <summary>The default variant's published version (the one shipped in definitions/, or an administrator's).</summary>
    public async Task<CompiledDefinition> GetPublishedAsync(string definitionId, CancellationToken ct) =>
        await GetAsync(definitionId, await PublishedVersionAsync(definitionId, DefinitionScope.Default, ct)
            ?? throw new DefinitionNotFoundException(definitionId, "published"), ct);

    /// <summary>The variant the subject runs: their school's own, else their borough's, else the default.</summary>
    public async Task<CompiledDefinition> GetPublishedAsync(string definitionId, SubjectPlacement subject, CancellationToken ct)
    {
        foreach (var scope in DefinitionScope.ChainFor(subject.SchoolId, subject.BoroughId))
        {
            if (await PublishedVersionAsync(definitionId, scope, ct) is { } version)
                return ForBorough(await GetAsync(definitionId, version, ct), subject.BoroughId);
        }
        throw new DefinitionNotFoundException(definitionId, "published");
    }

    private async Task<int?> PublishedVersionAsync(string definitionId, string scope, CancellationToken ct)
    {
        if (_published.TryGetValue((definitionId, scope), out var known)) return known;
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await db.DefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Scope == scope && v.Status == DefinitionStatus.Published)
            .Select(v => (int?)v.Version).MaxAsync(ct);
        return _published[(definitionId, scope)] = found;
    }

    public async Task<CompiledDefinition> GetAsync(string definitionId, int version, string boroughId, CancellationToken ct) =>
        ForBorough(await GetAsync(definitionId, version, ct), boroughId);

    private CompiledDefinition ForBorough(CompiledDefinition definition, string boroughId)
    {
        if (timelines.Current(boroughId) is not { } set || set.For(definition.Id) is not { } values) return definition;
        return _variants.GetOrAdd((definition.Id, definition.Version, boroughId, set.Version),
            _ => new Lazy<CompiledDefinition>(() => definition.WithParameters(values))).Value;
    }

    public void Invalidate(string definitionId)
    {
        foreach (var key in _published.Keys.Where(k => k.Id == definitionId)) _published.TryRemove(key, out _);
        _statutory = null;
    }

    /// <summary>The definitions whose published version says it is statutory work: what an LA officer sees of a pupil.</summary>
    public async Task<IReadOnlyCollection<string>> StatutoryIdsAsync(CancellationToken ct)
    {
        if (_statutory is { } known) return known;
        await using var db = await factory.CreateDbContextAsync(ct);
        var published = await db.DefinitionVersions.AsNoTracking().Where(v => v.Status == DefinitionStatus.Published)
            .Select(v => new { v.DefinitionId, v.Version }).ToListAsync(ct);
        var statutory = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in published)
        {
            // Statutory if any variant in use says so: a borough's own assessment is as much the LA's work as the default.
            if ((await GetAsync(v.DefinitionId, v.Version, ct)).Definition.Statutory) statutory.Add(v.DefinitionId);
        }
        return _statutory = statutory.ToList();
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
