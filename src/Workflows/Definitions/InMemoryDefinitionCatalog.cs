using System.Collections.Concurrent;

namespace SendWorkflow.Workflows.Definitions;

/// <summary>
/// Definitions held in memory, for tests and tools: each added version is compiled once and counts as published (the
/// highest version is the published one); a borough's parameter values override the defaults as the real catalog's do.
/// </summary>
public sealed class InMemoryDefinitionCatalog : IDefinitionCatalog
{
    private readonly ConcurrentDictionary<(string Id, int Version), CompiledDefinition> _versions = new();
    private readonly ConcurrentDictionary<(string Borough, string Id), IReadOnlyDictionary<string, double>> _boroughValues = new();
    private readonly ConcurrentDictionary<(string Borough, string Id, int Version), CompiledDefinition> _inBorough = new();

    /// <summary>Compiles and publishes a version.</summary>
    /// <exception cref="DefinitionValidationException">The definition is not valid.</exception>
    public CompiledDefinition Add(WorkflowDefinition definition) => Add(CompiledDefinition.Compile(definition));

    /// <summary>Publishes a version compiled already (compiled definitions are immutable, so they can be shared).</summary>
    public CompiledDefinition Add(CompiledDefinition compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        _versions[(compiled.Id, compiled.Version)] = compiled;
        ForgetBoroughVersions(compiled.Id);
        return compiled;
    }

    /// <summary>Sets the parameter values a borough runs the definition with (names the definition lacks are ignored).</summary>
    public void SetBoroughParameters(string boroughId, string definitionId, IReadOnlyDictionary<string, double> values)
    {
        _boroughValues[(boroughId, definitionId)] = new Dictionary<string, double>(values, StringComparer.Ordinal);
        ForgetBoroughVersions(definitionId);
    }

    public Task<CompiledDefinition> GetAsync(string definitionId, int version, CancellationToken ct) =>
        Task.FromResult(Version(definitionId, version));

    public Task<CompiledDefinition> GetPublishedAsync(string definitionId, CancellationToken ct) =>
        Task.FromResult(Version(definitionId, Published(definitionId)));

    public Task<CompiledDefinition> GetAsync(string definitionId, int version, string boroughId, CancellationToken ct) =>
        Task.FromResult(InBorough(definitionId, version, boroughId));

    /// <summary>One variant here: every subject runs the published version, as it runs in its borough.</summary>
    public Task<CompiledDefinition> GetPublishedAsync(string definitionId, SubjectPlacement subject, CancellationToken ct) =>
        Task.FromResult(InBorough(definitionId, Published(definitionId), subject.BoroughId));

    private CompiledDefinition Version(string id, int version) =>
        _versions.TryGetValue((id, version), out var compiled)
            ? compiled
            : throw new DefinitionNotFoundException(id, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private int Published(string id)
    {
        var versions = _versions.Keys.Where(k => k.Id == id).Select(k => k.Version).ToList();
        return versions.Count > 0 ? versions.Max() : throw new DefinitionNotFoundException(id);
    }

    private CompiledDefinition InBorough(string id, int version, string boroughId)
    {
        var compiled = Version(id, version);
        if (!_boroughValues.TryGetValue((boroughId, id), out var values)) return compiled;
        return _inBorough.GetOrAdd((boroughId, id, version), _ => compiled.WithParameters(values));
    }

    private void ForgetBoroughVersions(string definitionId)
    {
        foreach (var key in _inBorough.Keys.Where(k => k.Id == definitionId)) _inBorough.TryRemove(key, out _);
    }
}
